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
    [InlineData("Process-9", 0, 1)]
    [InlineData("Process-1:2", 0, 3)]
    [InlineData("producer", 0, 7)]
    [InlineData("producer", 4, 3)]
    [InlineData("Process-", 1, 6)]
    [InlineData("Process-x", 1, 6)]
    [InlineData("Process-99999999999", 1, 6)]
    [InlineData(null, 2, 5)]
    public void A_process_is_coloured_by_its_name_s_number_and_from_the_palette_s_end_without_one(string? name, int order, int index) =>
        Assert.Equal(index, LanePalette.IndexFor(name, order));

    [Fact]
    public void Process_1_has_the_same_colour_whichever_process_reported_first_and_not_main_s()
    {
        Assert.Equal(LanePalette.IndexFor("Process-1", 0), LanePalette.IndexFor("Process-1", 2));
        Assert.NotEqual(LanePalette.IndexFor("MainProcess", 1), LanePalette.IndexFor("Process-1", 0));
        // a name without a number that reports first does not take MainProcess's colour either
        Assert.NotEqual(LanePalette.IndexFor("MainProcess", 1), LanePalette.IndexFor("producer", 0));
    }

    [Theory]
    [InlineData("Process-1")]
    [InlineData("Process-2")]
    [InlineData("Process-3")]
    [InlineData("Process-4")]
    public void A_child_s_own_children_are_not_coloured_as_their_parent(string parent)
    {
        for (var child = 1; child <= 7; child++)
        {
            Assert.NotEqual(LanePalette.IndexFor(parent, 0), LanePalette.IndexFor($"{parent}:{child}", 0));
        }
    }

    [Fact]
    public void A_long_crafted_name_stays_within_the_palette()
    {
        var name = "x-" + string.Join(':', Enumerable.Repeat("99999", 20));
        var index = LanePalette.IndexFor(name, 0);
        Assert.InRange(index, 0, 7);
        Assert.StartsWith("#", LanePalette.Of(index), StringComparison.Ordinal);
        Assert.StartsWith("#", LanePalette.Of(-13), StringComparison.Ordinal);
    }
}
