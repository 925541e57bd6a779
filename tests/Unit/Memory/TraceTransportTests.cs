using System.Text.Json;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Playground.Shared.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Memory;

/// <summary>
/// The trace as the pages receive it: cut into chunks and put back together, and the heap rebuilt at
/// any step from checkpoints and deltas. Traces come from the real memory engine.
/// </summary>
public sealed class TraceTransportTests
{
    private const string Script = """
        class Node:
            def __init__(self, n):
                self.n = n
                self.next = None

        nodes = []
        for i in range(12):
            nodes.append(Node(i))
        for i in range(11):
            nodes[i].next = nodes[i + 1]
        del nodes[3]
        nodes.pop()
        nodes.pop(0)
        nodes.remove(nodes[2])
        text = "x" * 40
        print(len(nodes), len(text))
        """;

    private static MemoryTrace Run(int checkpointInterval) =>
        MemorySimulator.Run(Script, new SimulationOptions { CheckpointInterval = checkpointInterval });

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public void Chunks_reassemble_into_the_same_trace(int stepsPerChunk)
    {
        var trace = Run(checkpointInterval: 5);
        var assembler = new MemoryTraceAssembler();

        foreach (var chunk in MemoryTraceAssembler.Split(trace, stepsPerChunk))
        {
            Assert.False(assembler.IsComplete);
            assembler.Add(chunk);
        }

        var copy = assembler.ToTrace();
        Assert.Equal(trace.Steps, copy.Steps);
        Assert.Equal(trace.Checkpoints.Select(c => c.StepIndex), copy.Checkpoints.Select(c => c.StepIndex));
        Assert.Equal(trace.Stdout, copy.Stdout);
        Assert.Equal("8 40\n", copy.Stdout);
        Assert.Equal(RunOutcome.Completed, copy.Outcome);
    }

    [Fact]
    public void Replaying_deltas_from_one_checkpoint_arrives_at_the_next()
    {
        var trace = Run(checkpointInterval: 5);
        Assert.True(trace.Checkpoints.Count > 3, "the script should span several checkpoints");

        foreach (var (earlier, later) in trace.Checkpoints.Zip(trace.Checkpoints.Skip(1)))
        {
            var withoutLater = trace with { Checkpoints = [earlier] };
            var replayed = HeapReplay.HeapAfter(withoutLater, later.StepIndex);

            Assert.Equal(later.Objects.Select(o => o.Id).Order(), replayed.Keys.Order());
            Assert.All(later.Objects.Where(o => !o.SharedByInterpreter), o => AssertSame(o, replayed[o.Id]));
        }
    }

    [Fact]
    public void The_heap_after_a_step_is_the_same_whatever_the_checkpoint_spacing()
    {
        var dense = Run(checkpointInterval: 1);
        var sparse = Run(checkpointInterval: 50);

        for (var step = 0; step < dense.Steps.Count; step += 3)
        {
            var a = HeapReplay.HeapAfter(dense, step);
            var b = HeapReplay.HeapAfter(sparse, step);
            Assert.Equal(a.Keys.Order(), b.Keys.Order());
            Assert.All(a.Values.Where(o => !o.SharedByInterpreter), o => AssertSame(o, b[o.Id]));
        }
    }

    [Fact]
    public void Pymalloc_state_survives_the_json_the_hub_sends()
    {
        var trace = Run(checkpointInterval: 5);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var copy = new MemoryTraceAssembler();
        foreach (var chunk in MemoryTraceAssembler.Split(trace, 7))
        {
            copy.Add(JsonSerializer.Deserialize<MemoryTraceChunk>(JsonSerializer.Serialize(chunk, web), web)!);
        }

        var received = copy.ToTrace();
        Assert.Contains(received.Steps, s => s.Allocator is { Pools.Count: > 0 });
        for (var step = 0; step < trace.Steps.Count; step++)
        {
            AssertSameAllocator(AllocatorReplay.StateAfter(trace, step)!, AllocatorReplay.StateAfter(received, step)!);
        }
    }

    [Fact]
    public void Pymalloc_state_after_a_step_is_the_same_whatever_the_checkpoint_spacing()
    {
        var dense = Run(checkpointInterval: 1);
        var sparse = Run(checkpointInterval: 50);

        for (var step = 0; step < dense.Steps.Count; step++)
        {
            var a = AllocatorReplay.StateAfter(dense, step)!;
            AssertSameAllocator(a, AllocatorReplay.StateAfter(sparse, step)!);
            Assert.Equal(dense.Checkpoints.Single(c => c.StepIndex == step).Allocator!.Pools, a.Pools);
        }

        // At the last line before the print, eight Node instances (56 bytes each: the 64-byte class) are still alive.
        var nodes = AllocatorReplay.StateAfter(dense, dense.Steps.Last(s => s.Line == 15).Index)!.SizeClasses().Single(r => r.Size == 64);
        Assert.True(nodes.BlocksInUse >= 8);
    }

    private static void AssertSameAllocator(AllocatorState expected, AllocatorState actual)
    {
        Assert.Equal(expected.Arenas, actual.Arenas);
        Assert.Equal(expected.Pools, actual.Pools);
        Assert.Equal(expected.SystemBlocks, actual.SystemBlocks);
    }

    /// <summary>Objects shared by the interpreter are left out: their counts are not the student's to compare.</summary>
    private static void AssertSame(HeapObject expected, HeapObject actual)
    {
        Assert.Equal((expected.Type, expected.Repr, expected.RefCount, expected.Generation, expected.Size),
            (actual.Type, actual.Repr, actual.RefCount, actual.Generation, actual.Size));
        Assert.Equal(expected.Referents, actual.Referents);
    }
}
