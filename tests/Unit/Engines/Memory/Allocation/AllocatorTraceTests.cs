using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Playground.Shared.Memory.Allocation;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>
/// pymalloc's state in the trace: replaying the per-step changes from the first checkpoint gives, at every
/// step, exactly the state the allocator itself reported at that step (a checkpoint after every step), and
/// the pools scenarios show what their explanations promise.
/// </summary>
public sealed class AllocatorTraceTests
{
    private static (MemoryTrace Trace, string[] Lines) RunScenario(string name, int checkpointInterval = 100)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "memory", name));
        var options = SimulationOptions.Unlimited();
        options.CheckpointInterval = checkpointInterval;
        var trace = MemorySimulator.Run(source, options);
        Assert.Equal(RunOutcome.Completed, trace.Outcome);
        return (trace, source.Split('\n'));
    }

    /// <summary>The last step that ran the first line starting with <paramref name="code"/>.</summary>
    private static int LastStepOf(MemoryTrace trace, string[] lines, string code)
    {
        var line = Array.FindIndex(lines, l => l.StartsWith(code, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"no line starts with '{code}'");
        return trace.Steps.Last(s => s.Line == line).Index;
    }

    [Theory]
    [InlineData("pools_small_objects.py")]
    [InlineData("pools_reuse.py")]
    [InlineData("pools_arena_release.py")]
    [InlineData("pools_big_objects.py")]
    [InlineData("gc_cycle.py")]
    public void Replaying_the_step_changes_gives_the_allocators_own_state_after_every_step(string scenario)
    {
        var (trace, _) = RunScenario(scenario, checkpointInterval: 1);
        // Checkpoints come once the steps since the last one changed as many records as the heap holds,
        // so even at an interval of one step they are sparser than the steps: several of them, all compared.
        Assert.True(trace.Checkpoints.Count >= 3, $"{trace.Checkpoints.Count} checkpoints for {trace.Steps.Count} steps");
        var onlyTheFirst = trace with { Checkpoints = [trace.Checkpoints[0]] };

        foreach (var checkpoint in trace.Checkpoints.Skip(1))
        {
            var own = checkpoint.Allocator!;
            var replayed = AllocatorReplay.StateAfter(onlyTheFirst, checkpoint.StepIndex)!;

            Assert.Equal(own.Arenas, replayed.Arenas);
            Assert.Equal(own.Pools, replayed.Pools);
            Assert.Equal(own.SystemBlocks, replayed.SystemBlocks);
        }
    }

    [Fact]
    public void The_size_class_table_of_the_last_step_is_the_one_sys_debugmallocstats_prints()
    {
        var (trace, _) = RunScenario("pools_small_objects.py");
        var state = AllocatorReplay.StateAfter(trace, trace.Steps.Count - 1)!;

        var printed = trace.MallocStats!.Split('\n').SkipWhile(l => !l.StartsWith("-----", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray());
        var live = state.SizeClasses().Select(r => new[] { r.SizeClass, r.Size, r.NumPools, r.BlocksInUse, r.AvailableBlocks });

        Assert.Equal(printed, live);
    }

    [Fact]
    public void Deleting_every_other_float_leaves_the_floats_pools_half_full_less_the_hundred_on_the_free_list()
    {
        var (trace, lines) = RunScenario("pools_fragmentation.py");
        var before = AllocatorReplay.StateAfter(trace, LastStepOf(trace, lines, "del values") - 1)!;
        var after = AllocatorReplay.StateAfter(trace, LastStepOf(trace, lines, "del values"))!;

        // 2,000 floats of 24 bytes: class 1 (32-byte blocks), 510 to a pool. Of the 1,000 freed, the first
        // 100 go on float's free list and keep their blocks: python3's sys._debugmallocstats() shows class 1
        // going from 3146 to 2246 blocks in use over the same del.
        var floatsBefore = before.SizeClasses().Single(r => r.SizeClass == 1);
        var floatsAfter = after.SizeClasses().Single(r => r.SizeClass == 1);
        Assert.Equal(floatsBefore.NumPools, floatsAfter.NumPools);
        Assert.Equal(floatsBefore.BlocksInUse - 900, floatsAfter.BlocksInUse);
        Assert.DoesNotContain(after.Pools, p => p.SizeClass == 1 && p.State == PoolState.Empty);
        Assert.Contains(after.Pools, p => p.SizeClass == 1 && p.State == PoolState.Used && p.UsedBlocks <= p.TotalBlocks / 2 + 1);
    }

    [Fact]
    public void Pools_emptied_by_del_are_the_pools_the_next_strings_of_their_class_get()
    {
        var (trace, lines) = RunScenario("pools_reuse.py");
        var filled = AllocatorReplay.StateAfter(trace, LastStepOf(trace, lines, "first ="))!;
        var emptied = AllocatorReplay.StateAfter(trace, LastStepOf(trace, lines, "del first"))!;
        var refilled = AllocatorReplay.StateAfter(trace, LastStepOf(trace, lines, "second ="))!;

        // 300 strings of 199 bytes: class 12, 208-byte blocks, 78 to a pool, so four pools.
        var pools = filled.Pools.Where(p => p.SizeClass == 12).Select(p => p.Address).ToList();
        Assert.Equal(4, pools.Count);
        Assert.All(emptied.Pools.Where(p => pools.Contains(p.Address)), p => Assert.Equal(PoolState.Empty, p.State));
        // The new strings go back into emptied pools (one of the four may have gone to another class that
        // needed a pool first, as freepools is LIFO); no pool is carved for them.
        var reused = refilled.Pools.Where(p => p.SizeClass == 12 && p.UsedBlocks > 0).Select(p => p.Address).ToList();
        Assert.Equal(4, reused.Count);
        Assert.True(reused.Intersect(pools).Count() >= 3);
        Assert.All(reused, a => Assert.Contains(emptied.Pools, p => p.Address == a && p.State == PoolState.Empty));
        Assert.Equal(300, refilled.SizeClasses().Single(r => r.SizeClass == 12).BlocksInUse);
        Assert.Equal(emptied.Pools.Count, refilled.Pools.Count);
    }

    [Fact]
    public void Deleting_seven_thousand_big_strings_gives_their_arenas_but_one_back_to_the_system()
    {
        var (trace, lines) = RunScenario("pools_arena_release.py");
        var step = LastStepOf(trace, lines, "del blobs");
        var full = AllocatorReplay.StateAfter(trace, step - 1)!;
        var released = AllocatorReplay.StateAfter(trace, step)!;

        // 7,000 blocks of 512 bytes, 31 to a pool: 226 pools, three arenas after the first.
        Assert.Equal(4, full.Arenas.Count(a => !a.Freed));
        Assert.Equal([1, 2], released.Arenas.Where(a => a.Freed).Select(a => a.Index).Order());
        Assert.NotNull(trace.Steps[step].Allocator);
        Assert.Contains(trace.Steps[step].Allocator!.Arenas, a => a.Freed);
        Assert.DoesNotContain(released.Pools, p => released.Arenas.Single(a => a.Index == p.ArenaIndex).Freed);
    }

    [Fact]
    public void Objects_over_512_bytes_are_in_system_blocks_and_the_others_in_pool_blocks()
    {
        var (trace, lines) = RunScenario("pools_big_objects.py");
        var last = LastStepOf(trace, lines, "    size =");
        var map = new AllocatorMap(AllocatorReplay.StateAfter(trace, last)!);
        var heap = HeapReplay.HeapAfter(trace, last);

        var big = heap.Values.Single(o => o.Type == "str" && o.Size == 2049);
        var tuple = heap.Values.Single(o => o.Type == "tuple" && o.Size == 840);
        var medium = heap.Values.Single(o => o.Type == "str" && o.Size == 449);

        Assert.Equal((BlockSource.System, 2049), (map.Locate(big.Address).Source, map.Locate(big.Address).System!.Bytes));
        Assert.Equal(BlockSource.System, map.Locate(tuple.Address).Source);
        var block = map.Locate(medium.Address);
        Assert.Equal((BlockSource.Pool, 464), (block.Source, block.Pool!.BlockSize));
        Assert.All(heap.Values.Where(o => !o.SharedByInterpreter), o => Assert.NotEqual(BlockSource.Static, map.Locate(o.Address).Source));
        Assert.Equal(BlockSource.Static, map.Locate(global::Playground.Engines.Memory.Allocation.PyMalloc.StaticRegionBase + 16).Source);
    }
}
