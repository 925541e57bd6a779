using Bunit;
using Playground.Client.Components.Memory.Gc;
using Playground.Shared.Memory;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory.Gc;

public sealed class GenerationBarsTests : BunitTestBase
{
    private IRenderedComponent<GenerationBars> Render(GcState state, params HeapObject[] objects) =>
        Context.Render<GenerationBars>(p => p.Add(c => c.State, state).Add(c => c.Objects, objects));

    [Fact]
    public void Each_generation_shows_its_count_against_its_threshold()
    {
        var bars = Render(GcState.Initial with { Counts = [350, 4, 0] });

        var figures = bars.FindAll("[data-testid='gc-generation-figures']").Select(e => e.TextContent).ToList();
        Assert.Equal(["350 / 700", "4 / 10", "0 / 10"], figures);
        Assert.Equal("50", bars.FindAll("[role='progressbar']")[0].GetAttribute("aria-valuenow"));
        Assert.NotNull(bars.Find("[data-testid='gc-enabled']"));
    }

    [Fact]
    public void A_disabled_collector_and_a_count_past_its_threshold_are_visible()
    {
        var bars = Render(GcState.Initial with { Counts = [731, 0, 0], Thresholds = [20, 10, 10], Enabled = false });

        Assert.Contains("gc.disable()", bars.Find("[data-testid='gc-disabled']").TextContent, StringComparison.Ordinal);
        var gen0 = bars.Find("[data-testid='gc-generation'][data-generation='0']");
        Assert.Contains("over", gen0.ClassList);
        Assert.Contains("disabled", gen0.ClassList);
        Assert.Equal("731 / 20", gen0.QuerySelector("[data-testid='gc-generation-figures']")!.TextContent);
    }

    [Fact]
    public void Tracked_objects_are_listed_under_their_generation_and_shared_ones_are_left_out()
    {
        var bars = Render(GcState.Initial,
            new HeapObject(7, "Node", "Node object", 48, 1, false, 1, [], 0),
            new HeapObject(8, "list", "list of 0", 56, 1, false, -1, [], 0),
            new HeapObject(9, "type", "class Node", 1064, 3, true, 1, [], 0));

        var tracked = bars.FindAll("[data-testid='gc-tracked-object']");
        Assert.Equal("Node object 1", Assert.Single(tracked).TextContent);
        Assert.NotNull(bars.Find("[data-generation='1'] [data-testid='gc-tracked-object']"));
    }
}
