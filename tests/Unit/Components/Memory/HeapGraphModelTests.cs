using Playground.Client.Components.Memory;
using Playground.Client.Components.Memory.HeapGraph;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>The heap graph's model read from the page's heap cursor against the same read from the objects alone.</summary>
public sealed class HeapGraphModelTests
{
    [Theory]
    [InlineData("a = [1, 2]\nb = a\nbox = {'items': a}\ndel b\nprint(len(box))\n")]
    [InlineData("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(260):\n    head = Node(head)\nd = {'k': head}\ndel head\nd.clear()\nprint(len(d))\n")]
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
}
