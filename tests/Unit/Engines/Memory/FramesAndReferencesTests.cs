using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory;

/// <summary>The call stack and the labelled references the heap graph draws, from the real memory engine.</summary>
public sealed class FramesAndReferencesTests
{
    private const string CallScript = """
        def grow(items, extra):
            more = [extra]
            items.append(more)
            return len(items)

        data = [1, 2]
        n = grow(data, 3)
        print(n)
        """;

    [Fact]
    public void Inside_a_call_the_stack_has_the_module_and_the_function_with_its_parameters()
    {
        var trace = MemorySimulator.Run(CallScript, new SimulationOptions());
        // The step of line 7 ends as grow's first line starts.
        var call = trace.Steps.First(s => s.Line == 7).Index;
        var frames = FrameReplay.FramesAfter(trace, call);

        Assert.Equal(["<module>", "grow"], frames.Select(f => f.Function));
        Assert.Equal(["grow", "data"], frames[0].Bindings.Select(b => b.Name));
        Assert.Equal(["items", "extra"], frames[1].Bindings.Select(b => b.Name));
        Assert.Equal(frames[0].Bindings.Single(b => b.Name == "data").ObjectId, frames[1].Bindings[0].ObjectId);
    }

    [Fact]
    public void After_the_return_the_function_frame_is_gone_and_the_result_is_bound()
    {
        var trace = MemorySimulator.Run(CallScript, new SimulationOptions());
        var returned = trace.Steps.First(s => s.Line == 4).Index;
        var frames = FrameReplay.FramesAfter(trace, returned);

        var module = Assert.Single(frames);
        Assert.Equal(["grow", "data", "n"], module.Bindings.Select(b => b.Name));
        var heap = HeapReplay.HeapAfter(trace, returned);
        Assert.Equal("3", heap[module.Bindings[2].ObjectId].Repr);
    }

    [Fact]
    public void A_step_carries_its_frames_only_when_they_changed_and_checkpoints_carry_them_in_full()
    {
        var trace = MemorySimulator.Run("a = [1]\na.append(2)\na.append(3)\nb = a\n", new SimulationOptions { CheckpointInterval = 2 });

        Assert.NotNull(trace.Steps[0].Frames);
        Assert.Null(trace.Steps[1].Frames);
        Assert.Null(trace.Steps[2].Frames);
        Assert.Equal(["a"], trace.Checkpoints.Single(c => c.StepIndex == 1).Frames.Single().Bindings.Select(b => b.Name));
        Assert.Equal(["a"], FrameReplay.FramesAfter(trace, 2).Single().Bindings.Select(b => b.Name));
        Assert.Empty(FrameReplay.FramesAfter(trace, -1));
    }

    [Fact]
    public void Frames_after_any_step_are_the_same_whatever_the_checkpoint_spacing()
    {
        var dense = MemorySimulator.Run(CallScript, new SimulationOptions { CheckpointInterval = 1 });
        var sparse = MemorySimulator.Run(CallScript, new SimulationOptions { CheckpointInterval = 50 });

        for (var step = 0; step < dense.Steps.Count; step++)
        {
            Assert.Equal(Describe(FrameReplay.FramesAfter(dense, step)), Describe(FrameReplay.FramesAfter(sparse, step)));
        }
    }

    [Fact]
    public void List_dict_and_instance_references_are_labelled_as_Python_reads_them()
    {
        const string script = """
            class Point:
                def __init__(self, x):
                    self.x = x

            key = 'na' + 'me'
            p = Point(1000)
            items = [p, p, None]
            d = {key: items}
            print(len(d))
            """;
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        var last = trace.Steps.Count - 2;
        var heap = HeapReplay.HeapAfter(trace, last);
        var names = FrameReplay.FramesAfter(trace, last).Single().Bindings.ToDictionary(b => b.Name, b => b.ObjectId);

        Assert.Equal([(names["p"], "[0]"), (names["p"], "[1]"), (heap.Values.Single(o => o.Type == "NoneType").Id, "[2]")],
            heap[names["items"]].References.Select(r => (r.TargetId, r.Label)));
        Assert.Equal([(names["key"], HeapReference.KeyLabel), (names["items"], "['name']")],
            heap[names["d"]].References.Select(r => (r.TargetId, r.Label)));
        var point = heap[names["p"]].References;
        Assert.Equal(".x", point[0].Label);
        Assert.Equal("1000", heap[point[0].TargetId].Repr);
        Assert.Equal(("__class__", names["Point"]), (point[1].Label, point[1].TargetId));
    }

    [Fact]
    public void A_function_names_its_defaults_and_a_set_its_members()
    {
        var trace = MemorySimulator.Run("def f(a, b=[]):\n    return a\ns = {f}\nprint(len(s))\n", new SimulationOptions());
        var heap = HeapReplay.HeapAfter(trace, trace.Steps.Single(s => s.Line == 3).Index);
        var f = heap.Values.Single(o => o.Type == "function");
        Assert.Equal("default b", Assert.Single(f.References).Label);
        Assert.Equal((f.Id, HeapReference.MemberLabel), heap.Values.Single(o => o.Type == "set").References.Select(r => (r.TargetId, r.Label)).Single());
    }

    [Fact]
    public void An_instance_is_described_by_its_attributes_so_two_of_one_class_read_apart()
    {
        const string script = """
            class Node:
                def __init__(self, name):
                    self.name = name
                    self.other = None
            class Bag:
                pass
            a = Node("a")
            b = Node("b")
            a.other = b
            bag = Bag()
            empty = Bag()
            bag.text = "a string longer than twelve"
            bag.items = [1]
            bag.ratio = 0.5
            bag.n1 = 1
            bag.n2 = 2
            bag.n3 = 3
            print(a.name)
            """;
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        var last = trace.Steps.Count - 2;
        var heap = HeapReplay.HeapAfter(trace, last);
        var names = FrameReplay.FramesAfter(trace, last).Single().Bindings.ToDictionary(b => b.Name, b => b.ObjectId);

        // the dataclass's way: numbers, strings and None written out, anything else by its type alone
        Assert.Equal("Node(name='a', other=<Node>)", heap[names["a"]].Repr);
        Assert.Equal("Node(name='b', other=None)", heap[names["b"]].Repr);
        Assert.Equal("Bag object", heap[names["empty"]].Repr);
        // a long string is cut at 12 characters, and the attributes stop before 48 with ", …"
        Assert.Equal("Bag(text='a string lon…', items=<list>, ratio=0.5, …)", heap[names["bag"]].Repr);
        // a card under the "Node" heading writes only what follows the class's name
        Assert.Equal("name='a', other=<Node>", heap[names["a"]].ValueText);
        Assert.Equal("Bag object", heap[names["empty"]].ValueText);
        Assert.Equal("Node(name='a', other=<Node>)", heap[names["a"]].Describe());
        Assert.Equal("name='a', other=<Node>", heap[names["a"]].ValueAfterType);
        Assert.Equal("of 1", heap[heap[names["bag"]].References.Single(r => r.Label == ".items").TargetId].ValueAfterType);
    }

    [Fact]
    public void An_instance_holding_a_huge_int_is_described_without_writing_the_int_out()
    {
        var trace = MemorySimulator.Run("class Box:\n    pass\nb = Box()\nb.big = 7 ** 60000\nn = 10 ** 60\nprint(1)\n", new SimulationOptions());
        var last = trace.Steps.Count - 2;
        var heap = HeapReplay.HeapAfter(trace, last);
        var names = FrameReplay.FramesAfter(trace, last).Single().Bindings.ToDictionary(b => b.Name, b => b.ObjectId);

        Assert.Equal("Box(big=<int>)", heap[names["b"]].Repr);
        // 7**60000 has 50,706 digits: its own card says how many, not the digits
        Assert.Equal("int of about 50,706 digits", heap[heap[names["b"]].References.Single(r => r.Label == ".big").TargetId].Repr);
        // one of 61 digits is still written out
        Assert.Equal("1" + new string('0', 60), heap[names["n"]].Repr);
    }

    private static string Describe(IReadOnlyList<TraceFrame> frames) =>
        string.Join(" | ", frames.Select(f => f.Function + ": " + string.Join(", ", f.Bindings.Select(b => $"{b.Name}={b.ObjectId}"))));
}
