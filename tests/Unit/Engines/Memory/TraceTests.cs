using Xunit;
using System.Text.Json;
using Playground.Engines.Memory;
using Playground.Shared.Memory;

namespace Playground.Tests.Unit.Engines.Memory;

public sealed class TraceTests
{
    [Fact]
    public void Each_step_records_its_line_and_the_reasons_for_count_changes()
    {
        var trace = MemorySimulator.Run("a = []\nb = a\ndel a\n", new SimulationOptions());
        // the interpreter's exit is a step of its own, on the last line
        Assert.Equal([1, 2, 3, 3], trace.Steps.Select(s => s.Line));
        Assert.Contains(trace.Steps[1].RefCountChanges, c => c.Reason == "bound to name `b` (line 2)" && c.RefCount == 2);
        Assert.Contains(trace.Steps[2].RefCountChanges, c => c.Reason == "name `a` deleted (line 3)" && c.RefCount == 1);
        Assert.Equal(["b"], FrameReplay.FramesAfter(trace, 2).Single().Bindings.Select(b => b.Name));
        Assert.Empty(trace.Steps[2].Freed);
        // what the exit releases is not a del of the last line
        Assert.DoesNotContain(trace.Steps[2].RefCountChanges, c => c.Why == RefCountWhy.InterpreterExit);
        Assert.Contains(trace.Steps[3].RefCountChanges, c => c.Why == RefCountWhy.InterpreterExit && c.Reason == "name `b` released as the interpreter exits (after line 3)" && c.RefCount == 0);
        Assert.Equal(["list"], trace.Steps[3].Freed.Select(f => f.Type));
    }

    [Fact]
    public void The_script_s_classes_and_functions_are_counted_with_their_reasons_not_marked_shared()
    {
        var trace = MemorySimulator.Run("class Node:\n    pass\nclass Leaf(Node):\n    pass\ndef make():\n    return Leaf()\nleaf = make()\n", new SimulationOptions());
        var heap = new HeapCursor(trace);
        heap.MoveTo(trace.Steps.Count - 2);

        var node = heap.Heap.Values.Single(o => o.Repr == "class Node");
        var leaf = heap.Heap.Values.Single(o => o.Repr == "class Leaf");
        var make = heap.Heap.Values.Single(o => o.Type == "function");
        Assert.False(node.SharedByInterpreter || leaf.SharedByInterpreter || make.SharedByInterpreter);
        // as sys.getrefcount tells in python3 3.11 (Corpus/refcount_classes.py): Node is held by its name,
        // its __mro__, its two descriptors and Leaf's tp_base, __bases__ and __mro__; Leaf by its name, its
        // __mro__ and the instance
        Assert.Equal((7, 3, 1), (node.RefCount, leaf.RefCount, make.RefCount));
        var made = trace.Steps[0].RefCountChanges.Where(c => c.ObjectId == node.Id).Select(c => c.Reason).ToList();
        Assert.Equal(["the class's own __mro__ refers to it", "the class's own __dict__ descriptor refers to it",
            "the class's own __weakref__ descriptor refers to it"], made.Where(r => r.StartsWith("the class's own", StringComparison.Ordinal)));
        Assert.Contains(trace.Steps.SelectMany(s => s.RefCountChanges), c => c.ObjectId == node.Id && c.Why == RefCountWhy.BoundToName && c.Detail == "Node");
        Assert.Contains(trace.Steps.SelectMany(s => s.RefCountChanges), c => c.ObjectId == node.Id && c.Reason == "held by Leaf.__bases__");
        Assert.Contains(trace.Steps.SelectMany(s => s.RefCountChanges), c => c.ObjectId == node.Id && c.Reason == "held by Leaf.__mro__");
        // the exit lets go of the names: the classes stay, held by their own structures until a collection
        Assert.DoesNotContain(trace.Steps[^1].Freed, f => f.Type == "type");
        Assert.Contains(trace.Steps[^1].Freed, f => f.Type == "function");
    }

    [Fact]
    public void An_exception_lives_as_the_one_being_handled_until_its_except_block_ends()
    {
        // line 3 is the handler's body; the exception, never named, is freed when the block ends, not at the raise
        var trace = MemorySimulator.Run("try:\n    raise ValueError('x')\nexcept ValueError:\n    y = 1\nz = 2\n", new SimulationOptions());
        var raised = trace.Steps.SelectMany(s => s.RefCountChanges).First(c => c.Why == RefCountWhy.HandledException);
        Assert.Equal(1, raised.Delta);
        Assert.Equal("the exception being handled by the except clause of line 3 (sys.exc_info())", raised.Reason);
        Assert.Equal([1, 2, 3, 4, 5, 5], trace.Steps.Select(s => s.Line));
        Assert.Equal(3, trace.Steps.Single(s => s.RefCountChanges.Contains(raised)).Line);
        var freedAt = trace.Steps.Single(s => s.Freed.Any(f => f.ObjectId == raised.ObjectId));
        Assert.Equal(4, freedAt.Line);
        Assert.Contains(freedAt.RefCountChanges, c => c.ObjectId == raised.ObjectId && c.Why == RefCountWhy.HandledException && c.Delta == -1 && c.RefCount == 0);
    }

    [Fact]
    public void The_gc_module_s_own_lists_are_named_not_left_as_two_unexplained_lists()
    {
        var trace = MemorySimulator.Run("import gc\ngc.callbacks.append(print)\nprint(gc.collect())\n", new SimulationOptions());
        var lists = trace.Steps.SelectMany(s => s.Changed).Where(o => o.Type == "list").Select(o => o.Describe()).ToHashSet();
        Assert.Contains("list gc.garbage", lists);
        Assert.Contains("list gc.callbacks, 1 item", lists);
        Assert.DoesNotContain(lists, l => l.StartsWith("list of", StringComparison.Ordinal));
    }

    [Fact]
    public void A_script_ending_in_a_call_exits_on_the_module_s_last_line_and_one_of_comments_has_no_step()
    {
        var trace = MemorySimulator.Run("def f():\n    x = [1]\n    return x\nkept = []\nf()\n", new SimulationOptions());
        // the call's lines ran last, but the exit is the module's, after line 5
        Assert.Equal([1, 4, 5, 2, 3, 5], trace.Steps.Select(s => s.Line));
        Assert.True(trace.IsExitStep(trace.Steps.Count - 1));
        Assert.False(trace.IsExitStep(trace.Steps.Count - 2));
        Assert.Contains(trace.Steps[^1].RefCountChanges, c => c.Why == RefCountWhy.InterpreterExit && c.Detail == "kept");

        Assert.Empty(MemorySimulator.Run("# nothing to run\n", new SimulationOptions()).Steps);
        // a script that raised has no exit step
        var raised = MemorySimulator.Run("a = [1]\nb = a[5]\n", new SimulationOptions());
        Assert.Equal([1, 2], raised.Steps.Select(s => s.Line));
        Assert.False(raised.IsExitStep(1));
    }

    [Fact]
    public void Checkpoints_come_at_least_an_interval_apart_and_deltas_rebuild_the_heap()
    {
        var options = new SimulationOptions { CheckpointInterval = 2 };
        var trace = MemorySimulator.Run("a = [1]\nb = [a]\nc = [b]\nd = 5\nb = None\ne = [c]\nf = [e]\n", options);
        Assert.Equal(-1, trace.Checkpoints[0].StepIndex);
        Assert.True(trace.Checkpoints.Count >= 3, "a checkpoint every few steps of a small heap");
        foreach (var (earlier, later) in trace.Checkpoints.Zip(trace.Checkpoints.Skip(1)))
        {
            Assert.True(later.StepIndex - earlier.StepIndex >= 2);
            var heap = earlier.Objects.ToDictionary(o => o.Id);
            foreach (var step in trace.Steps.Skip(earlier.StepIndex + 1).Take(later.StepIndex - earlier.StepIndex))
            {
                foreach (var changed in step.Changed)
                {
                    heap[changed.Id] = changed;
                }

                foreach (var freed in step.Freed)
                {
                    heap.Remove(freed.ObjectId);
                }
            }

            // Objects shared by the interpreter (None, small ints) are in both, but their counts are
            // the interpreter's own business: the trace follows them only when the script touches them.
            Assert.Equal(later.Objects.Select(o => o.Id).Order(), heap.Keys.Order());
            Assert.Equal(later.Objects.Where(o => !o.SharedByInterpreter).Select(o => (o.Id, o.RefCount)).Order(),
                heap.Values.Where(o => !o.SharedByInterpreter).Select(o => (o.Id, o.RefCount)).Order());
        }
    }

    [Fact]
    public void A_loop_over_a_big_heap_records_checkpoints_that_weigh_no_more_than_its_deltas()
    {
        var trace = MemorySimulator.Run("objs = [[i] for i in range(2000)]\nt = 0\nfor i in range(3000):\n    t += 1\n", new SimulationOptions());
        var checkpointObjects = trace.Checkpoints.Skip(1).Sum(c => (long)c.Objects.Count);
        var deltaObjects = trace.Steps.Sum(s => (long)s.Changed.Count + s.Freed.Count + 1);
        Assert.True(trace.Checkpoints.Count >= 2, "the loop still gets checkpoints");
        Assert.True(checkpointObjects <= deltaObjects + trace.Checkpoints[^1].Objects.Count,
            $"checkpoints hold {checkpointObjects} objects for {deltaObjects} delta records");
    }

    [Fact]
    public void The_trace_round_trips_through_System_Text_Json()
    {
        var trace = MemorySimulator.Run("import gc\nl = []\nl.append(l)\ndel l\nprint(gc.collect())\n", new SimulationOptions());
        var json = JsonSerializer.Serialize(trace);
        var back = JsonSerializer.Deserialize<MemoryTrace>(json)!;
        Assert.Equal("1\n", back.Stdout);
        Assert.Equal(trace.Steps.Count, back.Steps.Count);
        Assert.Equal(7, back.Steps.SelectMany(s => s.Collections).Single().Phases.Count);
    }

    [Fact]
    public void The_step_limit_stops_an_endless_loop_and_keeps_the_partial_trace()
    {
        var options = new SimulationOptions { MaxSteps = 1000 };
        var trace = MemorySimulator.Run("print('start')\nwhile True:\n    pass\n", options);
        Assert.Equal(RunOutcome.StepLimit, trace.Outcome);
        Assert.Equal("line 3: the program ran more than 1,000 steps, the playground's limit", trace.Message);
        Assert.Equal("start\n", trace.Stdout);
        Assert.Equal(1000, trace.Steps.Count);
    }

    [Fact]
    public void The_step_limit_holds_inside_a_comprehension_on_one_line()
    {
        var options = new SimulationOptions { MaxSteps = 1000 };
        var trace = MemorySimulator.Run("print('start')\nx = [0 for i in range(10**9)]\n", options);
        Assert.Equal(RunOutcome.StepLimit, trace.Outcome);
        Assert.Equal("line 2: the program ran more than 1,000 steps, the playground's limit", trace.Message);
        Assert.Equal("start\n", trace.Stdout);
        Assert.Equal(2, trace.Steps.Count);
    }

    [Fact]
    public void A_huge_repeat_stops_at_the_object_size_limit_before_it_is_built()
    {
        var options = new SimulationOptions { MaxObjectBytes = 1_000_000 };
        var trace = MemorySimulator.Run("a = 'ab' * 10\nb = 'a' * 10**9\n", options);
        Assert.Equal(RunOutcome.ObjectLimit, trace.Outcome);
        Assert.Equal("line 2: the program asked for an object of 1,000,000,049 bytes, more than the playground's limit of 1,000,000", trace.Message);
        Assert.Equal(2, trace.Steps.Count);
    }

    [Fact]
    public void Cancelling_stops_an_unlimited_run_inside_one_step()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var options = SimulationOptions.Unlimited();
        var trace = MemorySimulator.Run("x = sum([1 for i in range(10**12)])\n", options, cancel.Token);
        Assert.Equal(RunOutcome.TimeLimit, trace.Outcome);
        Assert.Equal("line 1: the run was cancelled", trace.Message);
    }

    [Fact]
    public void The_object_limit_stops_a_program_that_keeps_allocating()
    {
        var options = new SimulationOptions { MaxObjects = 500 };
        var trace = MemorySimulator.Run("keep = []\nwhile True:\n    keep.append([])\n", options);
        Assert.Equal(RunOutcome.ObjectLimit, trace.Outcome);
        Assert.Equal("line 3: the program made more than 500 live objects, the playground's limit", trace.Message);
    }

    [Fact]
    public void The_wall_time_limit_stops_a_long_run()
    {
        var options = new SimulationOptions { MaxSteps = null, WallTime = TimeSpan.FromMilliseconds(200), RecordTrace = false };
        var trace = MemorySimulator.Run("n = 0\nwhile True:\n    n += 1\n", options);
        Assert.Equal(RunOutcome.TimeLimit, trace.Outcome);
    }

    [Fact]
    public void Sources_over_the_size_limit_are_rejected_before_running()
    {
        var trace = MemorySimulator.Run(new string('#', 70_000), new SimulationOptions());
        Assert.Equal(RunOutcome.Rejected, trace.Outcome);
        Assert.StartsWith("line 1, col 1: the program is 70,000 characters long", trace.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncaught_exception_gives_CPythons_traceback_text_with_carets_under_the_failing_subscript()
    {
        var options = SimulationOptions.Unlimited();
        options.FileName = "demo.py";
        var trace = MemorySimulator.Run("def f(d):\n    return d['k']\nf({})\n", options);
        Assert.Equal(RunOutcome.UncaughtException, trace.Outcome);
        Assert.Equal(
            "Traceback (most recent call last):\n  File \"demo.py\", line 3, in <module>\n    f({})\n  File \"demo.py\", line 2, in f\n    return d['k']\n           ~^^^^^\nKeyError: 'k'\n",
            trace.Stderr);
    }
}
