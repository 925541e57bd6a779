using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Memory;

/// <summary>The heap cursor against rebuilding each step from its checkpoint, on traces of the real memory engine.</summary>
public sealed class HeapCursorTests
{
    // Allocations, frees, a call with its own frame, a dict with keys, a cycle the collector frees, and
    // instances that all refer to one class.
    private const string Script = """
        import gc
        class Node:
            def __init__(self, previous):
                self.previous = previous
        def build(n):
            head = None
            for _ in range(n):
                head = Node(head)
            return head
        rows = []
        for i in range(12):
            rows.append([i * 1000, str(i)])
            if i % 3 == 0:
                del rows[0]
        table = {'a': rows, 'b': build(6)}
        a = [1]
        b = [a]
        a.append(b)
        del a, b
        gc.collect()
        table.clear()
        print(len(rows))
        """;

    [Fact]
    public void Stepping_back_and_forth_and_jumping_gives_the_heap_a_rebuild_from_the_checkpoint_gives()
    {
        var trace = MemorySimulator.Run(Script, new SimulationOptions { CheckpointInterval = 7 });
        Assert.Equal(RunOutcome.Completed, trace.Outcome);
        Assert.True(trace.Steps.Count > 50, $"{trace.Steps.Count} steps");
        var cursor = new HeapCursor(trace);
        var random = new Random(20261202);
        var moves = 0;
        var at = -1;
        while (moves++ < 400)
        {
            var roll = random.Next(10);
            at = roll switch
            {
                < 4 => at + 1,
                < 7 => at - 1,
                < 8 => at - random.Next(2, 12),
                _ => random.Next(-1, trace.Steps.Count),
            };
            at = Math.Clamp(at, -1, trace.Steps.Count - 1);
            cursor.MoveTo(at);

            Assert.Equal(at, cursor.StepIndex);
            AssertSameHeap(HeapReplay.HeapAfter(trace, at), cursor);
        }
    }

    [Fact]
    public void A_jump_remembers_the_step_it_lands_on_even_a_checkpoint_so_the_step_back_from_it_is_undone()
    {
        var trace = MemorySimulator.Run(Script, new SimulationOptions { CheckpointInterval = 7 });
        var landings = trace.Checkpoints.Select(c => c.StepIndex).Where(i => i >= 0).Append(trace.Steps.Count - 1).Distinct().ToList();
        Assert.True(landings.Count > 5);
        foreach (var step in landings)
        {
            var cursor = new HeapCursor(trace);
            cursor.MoveTo(trace.Steps.Count - 1);
            cursor.MoveTo(-1);
            cursor.MoveTo(step);

            Assert.NotNull(cursor.LastStepReplaced);
            cursor.MoveTo(step - 1);
            AssertSameHeap(HeapReplay.HeapAfter(trace, step - 1), cursor);
        }
    }

    [Fact]
    public void A_step_forward_costs_only_that_steps_changes_and_the_objects_stay_in_id_order()
    {
        var trace = MemorySimulator.Run(Script, new SimulationOptions());
        var cursor = new HeapCursor(trace);
        for (var i = 0; i < trace.Steps.Count; i++)
        {
            var before = cursor.ObjectsById();
            cursor.MoveTo(i);
            var after = cursor.ObjectsById();

            // Every object the step did not touch is the very record it was before.
            var touched = trace.Steps[i].Changed.Select(o => o.Id).Concat(trace.Steps[i].Freed.Select(f => f.ObjectId)).ToHashSet();
            var kept = before.Where(o => !touched.Contains(o.Id)).ToDictionary(o => o.Id);
            Assert.All(after.Where(o => kept.ContainsKey(o.Id)), o => Assert.Same(kept[o.Id], o));
            Assert.Equal(after.Select(o => o.Id).Order(), after.Select(o => o.Id));
        }

        AssertSameHeap(HeapReplay.HeapAfter(trace, trace.Steps.Count - 1), cursor);
    }

    [Fact]
    public void A_step_that_frees_a_hundred_objects_at_once_and_the_step_back_over_it_leave_the_heap_a_rebuild_gives()
    {
        // `del nodes` frees 99 instances and their list in one step, and the end of the run frees the rest
        // (80 more among them): each instance leaves its class's list of referrers at once, and joins it
        // again on the step back; one of them is listed twice in `twice`.
        const string many = "class Node:\n    pass\nnodes = []\nfor i in range(100):\n    nodes.append(Node())\nkeep = nodes[50]\ntwice = [nodes[3], nodes[3]]\ndel nodes\n"
            + "more = []\nfor i in range(80):\n    more.append(Node())\nprint(len(twice))\n";
        var trace = MemorySimulator.Run(many, new SimulationOptions());
        Assert.Equal(RunOutcome.Completed, trace.Outcome);
        var big = Enumerable.Range(0, trace.Steps.Count).Where(i => trace.Steps[i].Changed.Count + trace.Steps[i].Freed.Count > 64).ToList();
        Assert.True(big.Count >= 2, $"{big.Count} steps touch more than 64 objects");
        var compared = big.SelectMany(i => new[] { i - 1, i, i + 1 }).Where(i => i < trace.Steps.Count).ToHashSet();

        var cursor = new HeapCursor(trace);
        for (var i = 0; i < trace.Steps.Count; i++)
        {
            cursor.MoveTo(i);
            Assert.Equal(cursor.ObjectsById().Select(o => o.Id).Order(), cursor.ObjectsById().Select(o => o.Id));
            if (compared.Contains(i))
            {
                AssertSameHeap(HeapReplay.HeapAfter(trace, i), cursor);
            }
        }

        // back one step at a time, each undone from what the step forward remembered
        for (var i = trace.Steps.Count - 2; i >= -1; i--)
        {
            cursor.MoveTo(i);
            if (compared.Contains(i) || i == -1)
            {
                AssertSameHeap(HeapReplay.HeapAfter(trace, i), cursor);
            }
        }

        // and back over each big step with nothing remembered: a fresh cursor lands just after it
        foreach (var step in big)
        {
            var fresh = new HeapCursor(trace);
            fresh.MoveTo(step + 1);
            fresh.MoveTo(step - 1);
            AssertSameHeap(HeapReplay.HeapAfter(trace, step - 1), fresh);
        }
    }

    /// <summary>
    /// An object's state to compare: checkpoints and steps hold equal states in distinct records. The count
    /// of an object shared by the interpreter is left out: pages show "shared" instead of it, and steps do
    /// not record every change to it (an instance made counts on its class), so a checkpoint's differs.
    /// </summary>
    private static string State(HeapObject o) =>
        $"{o.Id} {o.Type} {o.Repr} {o.Size} {(o.SharedByInterpreter ? "shared" : o.RefCount)} {o.Generation} {o.Address} [{string.Join(",", o.Referents)}] [{string.Join(",", o.References.Select(r => $"{r.Label}>{r.TargetId}"))}]";

    private static void AssertSameHeap(IReadOnlyDictionary<long, HeapObject> expected, HeapCursor cursor)
    {
        Assert.Equal(expected.Keys.Order(), cursor.ObjectsById().Select(o => o.Id));
        Assert.All(expected, e => Assert.Equal(State(e.Value), State(cursor.Heap[e.Key])));

        Assert.Equal(expected.Values.Where(o => o.SharedByInterpreter).Select(o => o.Id).Order(), cursor.References.SharedIds.Order());

        // Who refers to whom, gathered from scratch.
        foreach (var target in expected.Keys)
        {
            var referrers = expected.Values.Where(o => o.References.Any(r => r.TargetId == target)).Select(o => o.Id).Order().ToList();
            Assert.Equal(referrers, cursor.ReferrersOf(target));
            Assert.Equal(referrers, cursor.References.EachReferrerOf(target));
            var unshared = expected.Values.Where(o => !o.SharedByInterpreter).Sum(o => o.References.Count(r => r.TargetId == target && r.Label != HeapReference.KeyLabel));
            Assert.Equal(unshared, cursor.ReferencesFromUnshared(target));
        }
    }
}
