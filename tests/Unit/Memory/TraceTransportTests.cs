using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
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

    [Theory]
    [InlineData(Script)]
    [InlineData(GcScript)]
    public void Only_the_first_checkpoint_travels_whole_and_the_receiver_rebuilds_the_others_as_they_were(string script)
    {
        var trace = MemorySimulator.Run(script, new SimulationOptions { CheckpointInterval = 3 });
        Assert.True(trace.Checkpoints.Count > 3, "the script should span several checkpoints");
        var chunks = MemoryTraceAssembler.Split(trace, 4).ToList();
        Assert.Equal([-1], chunks.SelectMany(c => c.Checkpoints).Select(c => c.StepIndex));
        Assert.Equal(trace.Checkpoints.Skip(1).Select(c => c.StepIndex), chunks.SelectMany(c => c.CheckpointSteps));

        var assembler = new MemoryTraceAssembler();
        chunks.ForEach(assembler.Add);
        var copy = assembler.ToTrace();

        Assert.Equal(trace.Checkpoints.Select(c => c.StepIndex), copy.Checkpoints.Select(c => c.StepIndex));
        foreach (var (sent, rebuilt) in trace.Checkpoints.Zip(copy.Checkpoints))
        {
            var objects = rebuilt.Objects.ToDictionary(o => o.Id);
            Assert.Equal(sent.Objects.Select(o => o.Id).Order(), objects.Keys.Order());

            // A shared object's count is the one thing a checkpoint knows better than the steps (pages show "shared").
            Assert.All(sent.Objects.Where(o => !o.SharedByInterpreter), o => AssertSame(o, objects[o.Id]));
            Assert.Equal(Frames(sent.Frames), Frames(rebuilt.Frames));
            Assert.True(sent.Gc!.SameAs(rebuilt.Gc!), $"the gc state of the checkpoint after step {sent.StepIndex}");
            Assert.Equal(sent.GcCounts, rebuilt.GcCounts);
            AssertSameAllocator(sent.Allocator!, rebuilt.Allocator!);
        }
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
    public void Frames_and_labelled_references_survive_the_hubs_JSON_protocol()
    {
        var trace = Run(checkpointInterval: 5);
        var protocol = new JsonHubProtocol();
        var assembler = new MemoryTraceAssembler();
        foreach (var chunk in MemoryTraceAssembler.Split(trace, 9))
        {
            var writer = new ArrayBufferWriter<byte>();
            protocol.WriteMessage(new StreamItemMessage("1", chunk), writer);
            var bytes = new ReadOnlySequence<byte>(writer.WrittenMemory);
            Assert.True(protocol.TryParseMessage(ref bytes, new ChunkBinder(), out var message));
            assembler.Add((MemoryTraceChunk)((StreamItemMessage)message!).Item!);
        }

        var copy = assembler.ToTrace();
        Assert.Equal(trace.Steps.Select(s => Frames(s.Frames)), copy.Steps.Select(s => Frames(s.Frames)));
        Assert.Equal(trace.Checkpoints.Select(c => Frames(c.Frames)), copy.Checkpoints.Select(c => Frames(c.Frames)));
        Assert.Contains(copy.Steps, s => s.Frames is { Count: 2 } f && f[1].Function == "__init__");
        Assert.Equal(
            trace.Steps.SelectMany(s => s.Changed).Select(References),
            copy.Steps.SelectMany(s => s.Changed).Select(References));
        Assert.Contains(copy.Steps.SelectMany(s => s.Changed), o => o.References.Any(r => r.Label == ".next"));
    }

    [Fact]
    public void Each_count_change_arrives_with_its_reason_typed_and_in_the_same_words()
    {
        var trace = MemorySimulator.Run(Script + "\n" + """
            def pair(a, b):
                return [a, b]

            p = pair(text, 1)
            """, new SimulationOptions { CheckpointInterval = 5 });
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Insert(0, Playground.Shared.Hub.HubJsonContext.Default);
        var sent = trace.Steps.SelectMany(s => s.RefCountChanges).ToList();
        var received = MemoryTraceAssembler.Split(trace, 50)
            .Select(chunk => JsonSerializer.Deserialize<MemoryTraceChunk>(JsonSerializer.Serialize(chunk, options), options)!)
            .SelectMany(chunk => chunk.Steps.SelectMany(s => s.RefCountChanges))
            .ToList();

        Assert.Equal(sent, received);
        Assert.Equal(sent.Select(c => c.Reason), received.Select(c => c.Reason));
        // pair(text, 1) binds text's string to pair's parameter a: the reason names both, typed
        var parameter = received.First(c => c.Why == RefCountWhy.Parameter && c.Detail == "a");
        Assert.Equal("pair", parameter.Function);
        Assert.Equal("argument `a` of `pair` (line 20)", parameter.Reason);
        Assert.Contains(received, c => c is { Why: RefCountWhy.BoundToName, Detail: "nodes", Line: 6 });
    }

    [Fact]
    public void A_change_with_a_reason_the_page_does_not_know_is_refused()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Insert(0, Playground.Shared.Hub.HubJsonContext.Default);
        var chunk = JsonSerializer.Serialize(MemoryTraceAssembler.Split(Run(checkpointInterval: 5), 1_000).First(), options);
        var tampered = System.Text.RegularExpressions.Regex.Replace(chunk, @"\[(\d+),(-?\d+),(\d+),(\d+),", "[$1,$2,$3,999,", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5));

        Assert.NotEqual(chunk, tampered);
        var refused = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<MemoryTraceChunk>(tampered, options));
        Assert.Contains("No reference count reason 999", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Script)]
    [InlineData(GcScript)]
    public void The_generated_serializer_writes_what_reflection_writes_and_reads_it_back(string script)
    {
        var trace = MemorySimulator.Run(script, new SimulationOptions { CheckpointInterval = 5 });
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var generated = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        generated.TypeInfoResolverChain.Insert(0, Playground.Shared.Hub.HubJsonContext.Default);

        foreach (var chunk in MemoryTraceAssembler.Split(trace, 9))
        {
            var byReflection = JsonSerializer.Serialize(chunk, reflection);
            var byGenerated = JsonSerializer.Serialize(chunk, generated);
            Assert.Equal(byReflection, byGenerated);
            var read = JsonSerializer.Deserialize<MemoryTraceChunk>(byGenerated, generated)!;
            Assert.Equal(byReflection, JsonSerializer.Serialize(read, reflection));
        }

        // Steps travel as a table of rows over one list of strings, not as objects with their field names.
        var first = JsonSerializer.Serialize(MemoryTraceAssembler.Split(trace, 1_000).First(), generated);
        Assert.Contains("\"steps\":{\"strings\":[", first, StringComparison.Ordinal);
        Assert.DoesNotContain("refCountChanges", first, StringComparison.Ordinal);
    }

    private static string Frames(IReadOnlyList<TraceFrame>? frames) => frames is null ? "same"
        : string.Join(" | ", frames.Select(f => f.Function + ": " + string.Join(", ", f.Bindings.Select(b => $"{b.Name}={b.ObjectId}"))));

    private static string References(HeapObject o) => o.Id + ": " + string.Join(", ", o.References.Select(r => $"{r.Label}->{r.TargetId}"));

    /// <summary>The client's side of Simulate: its stream items are trace chunks.</summary>
    private sealed class ChunkBinder : IInvocationBinder
    {
        public Type GetReturnType(string invocationId) => typeof(MemoryTraceChunk);

        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [];

        public Type GetStreamItemType(string streamId) => typeof(MemoryTraceChunk);
    }

    private const string GcScript = """
        import gc
        gc.set_threshold(5, 2, 2)
        keep = []
        for i in range(20):
            keep.append([i])
        gc.disable()
        l = []
        l.append(l)
        del l
        print(gc.collect())
        gc.enable()
        """;

    [Fact]
    public void The_gc_state_after_a_step_is_the_same_whatever_the_checkpoint_spacing()
    {
        var dense = MemorySimulator.Run(GcScript, new SimulationOptions { CheckpointInterval = 1 });
        var sparse = MemorySimulator.Run(GcScript, new SimulationOptions { CheckpointInterval = 50 });
        Assert.All(dense.Checkpoints, c => Assert.NotNull(c.Gc));

        var states = Enumerable.Range(-1, dense.Steps.Count + 1).Select(step => GcReplay.StateAfter(sparse, step)).ToList();
        for (var step = -1; step < dense.Steps.Count; step++)
        {
            Assert.True(GcReplay.StateAfter(dense, step).SameAs(states[step + 1]), $"the gc state after step {step} differs");
        }

        Assert.Equal([700, 10, 10], states[0].Thresholds);
        Assert.Equal([5, 2, 2], states[^1].Thresholds);
        Assert.Contains(states, s => !s.Enabled);
        Assert.True(states[^1].Enabled);
        Assert.Contains(states, s => s.Counts[1] > 0);
        Assert.True(dense.Steps.Count(s => s.Collections.Any(c => c.Automatic)) > 1);
    }

    [Fact]
    public void A_step_carries_the_gc_state_only_when_it_changed_and_it_survives_json()
    {
        var trace = MemorySimulator.Run(GcScript, new SimulationOptions { CheckpointInterval = 50 });

        Assert.Contains(trace.Steps, s => s.Gc is null);
        foreach (var step in trace.Steps.Where(s => s.Gc is not null))
        {
            Assert.False(step.Gc!.SameAs(GcReplay.StateAfter(trace, step.Index - 1)), $"step {step.Index} repeats an unchanged gc state");
        }

        var changed = trace.Steps.First(s => s.Gc is not null);
        var copy = JsonSerializer.Deserialize<TraceStep>(JsonSerializer.Serialize(changed))!;
        Assert.True(changed.Gc!.SameAs(copy.Gc));
        var checkpoint = JsonSerializer.Deserialize<HeapCheckpoint>(JsonSerializer.Serialize(trace.Checkpoints[0]))!;
        Assert.True(trace.Checkpoints[0].Gc!.SameAs(checkpoint.Gc));
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
            if (dense.Checkpoints.SingleOrDefault(c => c.StepIndex == step) is { } checkpoint)
            {
                Assert.Equal(checkpoint.Allocator!.Pools, a.Pools);
            }
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
