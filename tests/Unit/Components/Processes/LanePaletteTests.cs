using Playground.Client.Components.Processes;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>A process's colour follows its name, not the order its first event happened to arrive in.</summary>
public sealed class LanePaletteTests
{
    [Theory]
    [InlineData("MainProcess", 7, 0)]
    [InlineData("Process-1", 0, 1)]
    [InlineData("Process-2", 0, 2)]
    [InlineData("ForkPoolWorker-3", 0, 3)]
    [InlineData("SpawnPoolWorker-3", 5, 3)]
    [InlineData("Process-1:2", 0, 10)]
    [InlineData("producer", 4, 4)]
    [InlineData("Process-", 4, 4)]
    [InlineData("Process-x", 4, 4)]
    [InlineData("Process-99999999999", 4, 4)]
    [InlineData(null, 3, 3)]
    public void A_process_is_coloured_by_its_name_s_number_and_by_its_order_without_one(string? name, int order, int index) =>
        Assert.Equal(index, LanePalette.IndexFor(name, order));

    [Fact]
    public void Process_1_has_the_same_colour_whichever_process_reported_first()
    {
        Assert.Equal(LanePalette.Of(LanePalette.IndexFor("Process-1", 0)), LanePalette.Of(LanePalette.IndexFor("Process-1", 2)));
        Assert.NotEqual(LanePalette.Of(LanePalette.IndexFor("Process-1", 0)), LanePalette.Of(LanePalette.IndexFor("MainProcess", 1)));
    }
}
