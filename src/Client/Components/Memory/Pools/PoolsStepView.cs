using Playground.Shared.Memory;
using Playground.Shared.Memory.Allocation;

namespace Playground.Client.Components.Memory.Pools;

/// <summary>
/// What the Memory pools page shows for one step: pymalloc's state after it (replayed from the trace,
/// nothing re-run), the pools and arenas the step touched, and every live object placed in its block: a
/// pool block, a system block (more than 512 bytes requested) or no block at all (static objects of the
/// interpreter).
/// </summary>
public sealed class PoolsStepView
{
    private readonly Dictionary<(int Arena, int Pool), List<PlacedObject>> _byPool = [];

    private PoolsStepView(AllocatorState state, AllocatorChange? change, IReadOnlyList<HeapObject> objects)
    {
        State = state;
        var map = new AllocatorMap(state);
        Objects = [.. objects.Select(o => new PlacedObject(o, map.Locate(o.Address)))];
        foreach (var placed in Objects.Where(p => p.Block.Pool is not null))
        {
            var key = (placed.Block.Pool!.ArenaIndex, placed.Block.Pool.Index);
            if (!_byPool.TryGetValue(key, out var list))
            {
                _byPool[key] = list = [];
            }

            list.Add(placed);
        }

        ChangedPools = change?.Pools.Select(p => (p.ArenaIndex, p.Index)).ToHashSet() ?? [];
        ChangedArenas = change?.Arenas.Select(a => a.Index).ToHashSet() ?? [];
        SizeClasses = state.SizeClasses();
        var bySystemBlock = Objects.Where(p => p.Block.System is not null).ToDictionary(p => p.Block.System!.Address);
        SystemAllocations = [.. state.SystemBlocks.Select(b => new SystemAllocation(b, bySystemBlock.GetValueOrDefault(b.Address)))];
    }

    public AllocatorState State { get; }

    /// <summary>The live objects in id order, each with its block.</summary>
    public IReadOnlyList<PlacedObject> Objects { get; }

    /// <summary>Pools (arena index, pool index) whose blocks this step handed out or took back.</summary>
    public IReadOnlySet<(int Arena, int Pool)> ChangedPools { get; }

    /// <summary>Arenas this step mapped or gave back.</summary>
    public IReadOnlySet<int> ChangedArenas { get; }

    /// <summary>The size-class table of <c>sys._debugmallocstats()</c> at this step.</summary>
    public IReadOnlyList<SizeClassRow> SizeClasses { get; }

    /// <summary>Live blocks of the system allocator, with the object in each when it is one of the program's.</summary>
    public IReadOnlyList<SystemAllocation> SystemAllocations { get; }

    /// <summary>The pages' view of step <paramref name="index"/>, or null for a trace without allocator states.</summary>
    public static PoolsStepView? At(MemoryTrace trace, int index, IReadOnlyList<HeapObject> objects)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(objects);
        var state = AllocatorReplay.StateAfter(trace, index);
        var change = index >= 0 && index < trace.Steps.Count ? trace.Steps[index].Allocator : null;
        return state is null ? null : new PoolsStepView(state, change, objects);
    }

    /// <summary>The program's objects whose block is in the given pool, in block order.</summary>
    public IReadOnlyList<PlacedObject> ObjectsIn(PoolRecord pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return _byPool.TryGetValue((pool.ArenaIndex, pool.Index), out var list) ? [.. list.OrderBy(p => p.Block.Block)] : [];
    }

    public PoolRecord? Pool(int arena, int pool) =>
        State.Pools.FirstOrDefault(p => p.ArenaIndex == arena && p.Index == pool);
}

/// <summary>A live object and the block it occupies.</summary>
public sealed record PlacedObject(HeapObject Object, ObjectBlock Block)
{
    /// <summary>"str 'abc'", or the repr alone when it names its type already ("Node object").</summary>
    public string Label => Object.Describe();

    /// <summary>The label cut to 28 characters, for chips and banners.</summary>
    public string ShortLabel => Label.Length <= 28 ? Label : Label[..25] + "...";

    /// <summary>Where it lives, in words: "arena 0, pool 3, block 17", "system allocator", "static (interpreter)".</summary>
    public string Where => Block.Source switch
    {
        BlockSource.Pool => $"arena {Block.Pool!.ArenaIndex}, pool {Block.Pool.Index}, block {Block.Block}",
        BlockSource.System => "system allocator",
        _ => "static, no allocation",
    };
}

/// <summary>A system allocator block and the program's object in it, if any.</summary>
public sealed record SystemAllocation(SystemBlock Block, PlacedObject? Object);
