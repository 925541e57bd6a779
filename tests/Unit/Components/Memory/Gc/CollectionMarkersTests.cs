using MudBlazor;
using Playground.Client.Components.Memory.Gc;
using Playground.Engines.Memory;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory.Gc;

public sealed class CollectionMarkersTests
{
    [Fact]
    public void Automatic_collections_and_gc_collect_calls_are_marked_in_their_own_colours()
    {
        var trace = MemorySimulator.Run(
            "import gc\ngc.set_threshold(5)\nkeep = []\nfor i in range(12):\n    keep.append([])\ngc.disable()\nprint(gc.collect())\n",
            new SimulationOptions());

        var markers = CollectionMarkers.From(trace);

        Assert.Equal(trace.Steps.Where(s => s.Collections.Count > 0).Select(s => s.Index), markers.Select(m => m.Step));
        var last = markers[^1];
        Assert.Equal(Color.Secondary, last.Color);
        Assert.Contains("gc.collect() of generation 2", last.Label, StringComparison.Ordinal);
        Assert.Contains(markers, m => m.Color == Color.Warning && m.Label.Contains("automatic collection of generation 0", StringComparison.Ordinal));
    }
}
