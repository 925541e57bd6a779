using Playground.Client.Components.Memory;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>The refcount log's words, from the real engine's reasons.</summary>
public sealed class RefCountLogTests
{
    private static IReadOnlyList<RefCountLogEntry> LogOf(string script, int line)
    {
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        return RefCountLog.Phrase(MemoryStepView.At(trace, trace.Steps.First(s => s.Line == line).Index).Changes);
    }

    [Fact]
    public void A_load_and_a_store_read_as_one_new_reference_from_the_name()
    {
        var entry = Assert.Single(LogOf("a = [1]\nb = a\nprint(b)\n", 2));
        Assert.Equal((1, 2L, "`b` now refers to the list (line 2)"), (entry.Delta, entry.RefCount, entry.Text));
    }

    [Fact]
    public void Instances_told_apart_by_their_attributes_still_fold_into_one_entry_and_one_alike_keeps_its_words()
    {
        // each node holds a different value (a small int, shared, so no count of its own moves): described
        // apart, folded together as "Node object"
        const string script = "class Node:\n    def __init__(self, previous, value):\n        self.previous = previous\n        self.value = value\nhead = None\nfor i in range(200):\n    head = Node(head, i)\nprint('built')\n";
        var trace = MemorySimulator.Run(script, new SimulationOptions());

        var log = RefCountLog.Phrase(MemoryStepView.At(trace, trace.Steps.Count - 1).Changes);

        Assert.True(log.Count < 6, string.Join("\n", log));
        Assert.Contains(log, e => e is { ObjectLabel: "Node object", Times: 199 } && e.Text == "released by an object being freed (attribute)");
        // a change alone keeps its object's own words
        Assert.Contains(log, e => e is { Times: 1, ObjectLabel: "Node(previous=<Node>, value=199)" });
    }

    [Fact]
    public void Entries_alike_but_apart_stay_apart_so_the_log_keeps_the_order_things_happened_in()
    {
        // two calls in a row: taken, let go, taken, let go, in that order, though two lists read alike
        var calls = LogOf("import sys\na = [1]\nb = [2]\nprint(sys.getrefcount(a), sys.getrefcount(b))\n", 4).Where(e => e.Delta != 0).ToList();
        Assert.Equal([1, -1, 1, -1], calls.Select(e => e.Delta));
        Assert.Equal(1L, calls[^1].RefCount);

        // the interpreter's exit: `a` let go, its class released as `a` is freed, then `b`, then the class again
        var classes = MemorySimulator.Run("class Node:\n    pass\na = Node()\nb = Node()\n", new SimulationOptions());
        var exit = RefCountLog.Phrase(MemoryStepView.At(classes, classes.Steps.Count - 1).Changes);

        // list_dealloc lets go of its items last to first: the empty list, the list of one (freed), the empty
        // list again: three entries, not the empty list's two folded over the freeing between them
        var nested = MemorySimulator.Run("a = []\npair = [a, [0], a]\ndel a\ndel pair\nprint(1)\n", new SimulationOptions());
        var freeing = RefCountLog.Phrase(MemoryStepView.At(nested, nested.Steps.First(s => s.Line == 4).Index).Changes)
            .Where(e => e.Text.StartsWith("released", StringComparison.Ordinal)).ToList();
        Assert.Equal([("list of 0", 1L), ("list of 1", 0L), ("list of 0", 0L)], freeing.Select(e => (e.ObjectLabel, e.RefCount)));
        Assert.Equal(["`Node` no lon", "`a` no longer", "released by an object being freed (type)", "`b` no longer", "released by an object being freed (type)"],
            exit.Where(e => e.Text.StartsWith("`a`", StringComparison.Ordinal) || e.Text.StartsWith("`b`", StringComparison.Ordinal) || e.ObjectLabel == "class Node")
                .Select(e => e.Text.StartsWith('`') ? e.Text[..13] : e.Text));
    }

    [Fact]
    public void An_object_s_history_has_a_point_for_each_time_a_folded_entry_tells()
    {
        // the list held three times lets go of it three times as it is freed: 4, 3, 2, 1, not one point at 1
        var trace = MemorySimulator.Run("o = [0]\nx = [o, o, o]\ndel x\nprint(len(o))\n", new SimulationOptions());
        var o = FrameReplay.FramesAfter(trace, 0).Single().Bindings.Single(b => b.Name == "o").ObjectId;

        var history = Playground.Client.Components.Memory.ObjectDetails.RefCountPoint.Whole(trace, o, "list");

        var del = trace.Steps.First(s => s.Line == 3).Index;
        Assert.Equal([3L, 2L, 1L], history.Where(p => p.Step == del).Select(p => p.RefCount));
        Assert.Equal(1L, history.Last(p => p.Step <= del).RefCount);
    }

    [Fact]
    public void A_new_object_bound_to_a_name_keeps_the_count_it_was_made_with_and_the_log_says_why()
    {
        // BUILD_MAP leaves the dict on the stack with a count of 1; STORE_NAME keeps that reference
        Assert.Contains(LogOf("box = {}\nprint(box)\n", 1), e => e is { Delta: 0, RefCount: 1 }
            && e.Text == "`box` now refers to the dict (line 1): the reference the evaluation stack held moves there, so the count stays");
    }

    [Fact]
    public void Del_and_storing_in_a_container_are_said_in_words()
    {
        Assert.Contains(LogOf("a = [1]\nb = a\ndel a\nprint(b)\n", 3), e => e is { Delta: -1, RefCount: 1, Text: "`a` no longer refers to the list: del (line 3)" });
        Assert.Contains(LogOf("a = [1]\nbox = [a]\nprint(box)\n", 2), e => e is { Delta: 1, RefCount: 2, Text: "a list now holds the list (line 2)" });
    }

    [Fact]
    public void The_exception_being_handled_is_said_so_from_its_except_clause_to_the_end_of_its_block()
    {
        const string script = "try:\n    raise ValueError('x')\nexcept ValueError:\n    y = 1\nprint(y)\n";
        Assert.Contains(LogOf(script, 3), e => e is { Delta: 1, RefCount: 2, Text: "the ValueError is now the exception being handled, by the except clause of line 3 (sys.exc_info())" });
        Assert.Contains(LogOf(script, 4), e => e is { Delta: -1, RefCount: 0, Text: "the except clause of line 3 has ended: the ValueError is no longer the exception being handled" });
    }

    [Fact]
    public void An_argument_is_said_with_the_parameter_it_binds_and_a_builtins_with_the_builtin()
    {
        var log = LogOf("def f(x, y):\n    return y\na = [1]\nf(0, a)\nprint(len(a))\n", 4);
        Assert.Contains(log, e => e is { Delta: 1, RefCount: 2, Text: "the list is passed to `f` as `y` (line 4)" });

        var method = LogOf("class C:\n    def keep(self, item):\n        self.item = item\nc = C()\na = [1]\nc.keep(a)\n", 6);
        Assert.Contains(method, e => e is { Delta: 1, Text: "the list is passed to `keep` as `item` (line 6)" });

        Assert.Contains(LogOf("a = [1]\nprint(len(a))\n", 2), e => e is { Delta: 1, Text: "the list is passed to `len` (line 2)" });
    }

    [Fact]
    public void A_step_of_thousands_of_changes_puts_only_the_first_in_words_and_counts_them_all()
    {
        // ints from 1,000 up: each its own object with its own value, so no two changes read alike
        var trace = MemorySimulator.Run("xs = []\nfor i in range(300):\n    xs.append(1000 + i)\nys = [xs, xs]\nprint(len(ys))\n", new SimulationOptions());
        var busiest = trace.Steps.MaxBy(s => s.RefCountChanges.Count)!;
        var changes = MemoryStepView.At(trace, busiest.Index).Changes;
        var all = RefCountLog.Phrase(changes);

        var page = RefCountLog.Phrase(changes, 25);

        Assert.True(all.Count > 300, $"the busiest step logs {all.Count} entries");
        Assert.Equal(all.Count, page.Total);
        Assert.Equal(all.Take(25), page.Shown);
        Assert.Equal(all, RefCountLog.Phrase(changes, all.Count).Shown);
    }

    [Fact]
    public void Changes_in_a_row_that_read_alike_are_one_entry_with_how_many_times()
    {
        // The module torn down at the end: `head` lets go of the last node, and each node freed releases the
        // one it holds, 199 times the same words on a Node whose count reached zero: one entry, though the
        // first node (which holds None) reads "Node(previous=None)" and the others "Node(previous=<Node>)".
        const string script = "class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(200):\n    head = Node(head)\nprint('built')\n";
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        var changes = MemoryStepView.At(trace, trace.Steps.Count - 1).Changes;

        var log = RefCountLog.Phrase(changes);

        // no line deleted `head`: the interpreter let go of it as it exited, and the log says so
        Assert.Contains(log, e => e is { Delta: -1, Text: "`head` no longer refers to the Node: the script has ended and the interpreter exits (after line 7)" });
        Assert.DoesNotContain(log, e => e.Text.Contains("del (", StringComparison.Ordinal));
        var released = Assert.Single(log, e => e.Text == "released by an object being freed (attribute)");
        Assert.Equal((-1, 0L, "Node object", 199), (released.Delta, released.RefCount, released.ObjectLabel, released.Times));
        Assert.Equal(changes.Count(c => c.Change.Delta != 0), log.Sum(e => e.Times));
        var page = RefCountLog.Phrase(changes, 1);
        Assert.Equal(log.Count, page.Total);
        Assert.Equal(log.Skip(1).Sum(e => e.Times), page.ChangesNotShown);
    }

    [Fact]
    public void Objects_freed_in_a_row_of_one_type_for_one_reason_are_one_entry()
    {
        var freed = new[]
        {
            new ObjectFreed(1, "Node", "reference count reached zero"),
            new ObjectFreed(2, "Node", "reference count reached zero"),
            new ObjectFreed(3, "Node", "reference count reached zero"),
            new ObjectFreed(4, "dict", "reference count reached zero"),
            new ObjectFreed(5, "Node", "cleared by the cyclic GC"),
            new ObjectFreed(6, "type", "reference count reached zero"),
        };

        var page = RefCountLog.Fold(freed, 3);

        Assert.Equal(
            [new FreedLogEntry("Node", "reference count reached zero", 3), new FreedLogEntry("dict", "reference count reached zero", 1), new FreedLogEntry("Node", "cleared by the cyclic GC", 1)],
            page.Shown);
        Assert.Equal(1, page.ObjectsNotShown);
    }
}
