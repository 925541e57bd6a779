using Playground.Client.Components.Memory;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>A step's view read from the page's cursor is the view read from the trace alone, whichever way the cursor came.</summary>
public sealed class MemoryStepViewTests
{
    [Theory]
    // a module's end frees what it holds, a del and a rebinding free on their own line, a collection frees a cycle
    [InlineData("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(300):\n    head = Node(head)\nprint(head is not None)\n")]
    [InlineData("a = [1, 2]\nb = a\nbox = {'items': a}\ndel b\nbox.clear()\na = 'x' * 3\nprint(a)\n")]
    [InlineData("import gc\nclass A:\n    pass\nx = A()\ny = A()\nx.other = y\ny.other = x\ndel x, y\ngc.collect()\nprint('done')\n")]
    public void What_a_step_freed_is_the_same_read_from_the_cursor_forward_backward_or_from_the_trace(string script)
    {
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        var forward = new HeapCursor(trace);
        var backward = new HeapCursor(trace);
        var freed = 0;
        for (var i = 0; i < trace.Steps.Count; i++)
        {
            var fromTrace = MemoryStepView.At(trace, i);
            var stepped = MemoryStepView.At(forward, i);
            var back = MemoryStepView.At(backward, trace.Steps.Count - 1 - i);
            var backFromTrace = MemoryStepView.At(trace, trace.Steps.Count - 1 - i);

            Assert.Equal(States(fromTrace), States(stepped));
            Assert.Equal(States(backFromTrace), States(back));
            Assert.Equal(fromTrace.Changes, stepped.Changes);
            freed += stepped.Gone.Count;
        }

        Assert.True(freed > 0, "no step freed anything");
    }

    // An object's state as text: its lists are compared by what they hold, not by which list they are.
    // The count of an object the interpreter shares (a class, a small int) is left out: the trace logs no
    // change of it (the page shows such an object as "shared", never its count), so a cursor that came
    // step by step still holds the count of its last logged state, while a checkpoint has the engine's own.
    private static List<string> States(MemoryStepView view) =>
        [.. view.Gone.OrderBy(g => g.Key).Select(g => g.Value with { Referents = [], References = [], RefCount = g.Value.SharedByInterpreter ? -1 : g.Value.RefCount })
            .Zip(view.Gone.OrderBy(g => g.Key).Select(g => g.Value), (o, full) => $"{o} [{string.Join(",", full.Referents)}] [{string.Join(",", full.References)}]")];
}
