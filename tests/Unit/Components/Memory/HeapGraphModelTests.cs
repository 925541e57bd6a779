using Playground.Client.Components.Memory;
using Playground.Client.Components.Memory.HeapGraph;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>
/// The heap graph's model, read from the page's heap cursor or from the objects alone, and its layouts named
/// by shape and remembered by it, on traces of the real memory engine.
/// </summary>
public sealed class HeapGraphModelTests
{
    private const string Loop = "total = 1000\nfor i in range(4):\n    total += 1000 + i\nlast = total\nprint(last)\n";

    private static HeapGraphModel ModelAt(MemoryTrace trace, int step)
    {
        var view = MemoryStepView.At(trace, step);
        return HeapGraphModel.Build(view.Objects, FrameReplay.FramesAfter(trace, step), [], false, view.ChangedIds, null);
    }

    private static string TotalsCard(MemoryTrace trace, int step) =>
        FrameReplay.FramesAfter(trace, step)[0].Bindings.Single(b => b.Name == "total").ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_name_rebound_to_a_new_object_keeps_the_graphs_shape_and_a_new_name_changes_it()
    {
        var trace = MemorySimulator.Run(Loop, new SimulationOptions());
        var rounds = trace.Steps.Where(s => s.Line == 3).Select(s => s.Index).ToList();
        var after = trace.Steps.First(s => s.Line == 4).Index;

        var first = ModelAt(trace, rounds[1]);
        var second = ModelAt(trace, rounds[2]);

        Assert.NotEqual(TotalsCard(trace, rounds[1]), TotalsCard(trace, rounds[2]));
        Assert.Equal(LayoutShape.Of(first).Signature, LayoutShape.Of(second).Signature);
        Assert.NotEqual(LayoutShape.Of(second).Signature, LayoutShape.Of(ModelAt(trace, after)).Signature);
    }

    [Fact]
    public void A_shape_laid_out_before_is_drawn_again_on_the_new_steps_objects()
    {
        var trace = MemorySimulator.Run(Loop, new SimulationOptions());
        var rounds = trace.Steps.Where(s => s.Line == 3).Select(s => s.Index).ToList();
        var first = ModelAt(trace, rounds[1]);
        var second = ModelAt(trace, rounds[2]);
        var firstShape = LayoutShape.Of(first);
        var cache = new GraphLayoutCache();
        Assert.Null(cache.Find(firstShape, first));

        // What heap-layout.js answers: width, height, node i at (10 i, 20 i), each edge a two-point route.
        var output = new List<double> { 500, 300 };
        output.AddRange(firstShape.Keys.SelectMany((_, i) => new double[] { 10 * i, 20 * i }));
        foreach (var _ in firstShape.EdgeArrows)
        {
            output.AddRange([2, 1, 2, 3, 4]);
        }

        var laidOut = cache.Add(firstShape, first, [.. output]);
        var again = cache.Find(LayoutShape.Of(second), second);

        Assert.NotNull(laidOut);
        Assert.NotNull(again);
        Assert.Equal(laidOut.Nodes[TotalsCard(trace, rounds[1])], again.Nodes[TotalsCard(trace, rounds[2])]);
        Assert.Equal(second.Frames.Count + second.Cards.Count, again.Nodes.Count);
        Assert.Equal((500, 300), (again.Width, again.Height));
        Assert.All(firstShape.EdgeArrows, i => Assert.Equal(2, again.Routes[i].Count));
    }

    [Fact]
    public void A_step_that_frees_a_big_heap_summarises_it_with_the_objects_it_freed_fading()
    {
        // 300 linked nodes alive to the end: the run's last step (the module torn down) frees them all,
        // and a summary of what it leaves alive and changed would draw nothing of what the step did.
        var trace = MemorySimulator.Run("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(300):\n    head = Node(head)\nprint('done')\n", new SimulationOptions());
        var step = trace.Steps.Count - 1;
        var cursor = new HeapCursor(trace);
        var view = MemoryStepView.At(cursor, step);
        var freed = FreedCard.Of(view);
        Assert.Equal(300, freed.Count(f => f.Object.Type == "Node"));

        var model = HeapGraphModel.Build(view.Objects, FrameReplay.FramesAfter(trace, step), freed, false, view.ChangedIds, null, cursor);

        Assert.True(model.HiddenCount > 0);
        Assert.Equal(HeapGraphModel.SummaryObjects, model.Cards.Count);
        var fading = model.Cards.Where(c => c.FreedReason is not null).ToList();
        var nodes = fading.Where(c => c.Object.Type == "Node").Select(c => c.Object.Id).Order().ToList();
        Assert.All(fading, c => Assert.Contains(freed, f => f.Object.Id == c.Object.Id));
        Assert.True(nodes.Count >= HeapGraphModel.SummaryObjects - 5, $"{nodes.Count} of {model.Cards.Count} cards are freed nodes");
        // in id order: the first nodes made are the ones drawn
        Assert.Equal(freed.Where(f => f.Object.Type == "Node").Select(f => f.Object.Id).Order().Take(nodes.Count), nodes);
    }

    [Theory]
    [InlineData("a = [1, 2]\nb = a\nbox = {'items': a}\ndel b\nprint(len(box))\n")]
    [InlineData("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(260):\n    head = Node(head)\nd = {'k': head}\ndel head\nd.clear()\nprint(len(d))\n")]
    [InlineData("xs = []\nfor i in range(230):\n    xs.append([i, 'k'])\nt = (1, 'k', None)\nys = xs\nxs = None\nys.clear()\nprint(t)\n")]
    public void The_graph_from_the_cursor_is_the_graph_from_the_objects_at_every_step(string script)
    {
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        var cursor = new HeapCursor(trace);
        for (var i = 0; i < trace.Steps.Count; i++)
        {
            var view = MemoryStepView.At(cursor, i);
            var frames = FrameReplay.FramesAfter(trace, i);
            var before = HeapReplay.ObjectsAfter(trace, i - 1, view.Freed.Select(f => f.ObjectId));
            var freed = view.Freed.Where(f => before.ContainsKey(f.ObjectId)).Select(f => new FreedCard(before[f.ObjectId], f.Reason)).ToList();

            var fromCursor = HeapGraphModel.Build(view.Objects, frames, freed, false, view.ChangedIds, null, cursor);
            var fromObjects = HeapGraphModel.Build(view.Objects, frames, freed, false, view.ChangedIds, null);

            Assert.Equal(fromObjects.Signature, fromCursor.Signature);
            Assert.Equal((fromObjects.HiddenCount, fromObjects.SharedHiddenCount), (fromCursor.HiddenCount, fromCursor.SharedHiddenCount));
            Assert.Equal(fromObjects.Arrows, fromCursor.Arrows);
        }
    }

    [Fact]
    public void The_details_of_every_object_read_from_the_cursor_are_those_read_from_the_objects()
    {
        var trace = MemorySimulator.Run("a = [1, 2]\nb = [a, a]\nbox = {'items': a, 'k': b}\ndel b\nbox.clear()\nprint(a)\n", new SimulationOptions());
        var cursor = new HeapCursor(trace);
        var heldTwiceByOne = false;
        for (var i = 0; i < trace.Steps.Count; i++)
        {
            var view = MemoryStepView.At(cursor, i);
            var frames = FrameReplay.FramesAfter(trace, i);
            foreach (var o in view.Objects)
            {
                var fromCursor = Playground.Client.Components.Memory.ObjectDetails.ObjectDetailsModel.For(trace, i, view.Objects, frames, o.Id, cursor: cursor)!;
                var fromObjects = Playground.Client.Components.Memory.ObjectDetails.ObjectDetailsModel.For(trace, i, view.Objects, frames, o.Id)!;
                Assert.Equal(fromObjects.Referrers, fromCursor.Referrers);
                Assert.Equal(fromObjects.Referents, fromCursor.Referents);
                heldTwiceByOne |= fromCursor.Referrers.Where(r => r.ObjectId is not null).GroupBy(r => r.ObjectId).Any(g => g.Count() == 2);
            }
        }

        // b = [a, a]: the list a is referred to twice by one holder, and listed twice, by [0] and [1].
        Assert.True(heldTwiceByOne);
    }
}
