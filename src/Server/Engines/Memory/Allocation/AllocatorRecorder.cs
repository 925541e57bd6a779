using Playground.Shared.Memory.Allocation;

namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// Turns pymalloc's <see cref="AllocatorEvent"/>s into the compact per-step record a trace carries: it
/// notes which pools, arenas and system blocks a step touched, and when the step closes reads their state
/// as it is then (<see cref="AllocatorChange"/>). Only the new state of what changed travels, never the
/// events themselves, so a loop that allocates and frees the same block a thousand times in one step
/// costs one pool record.
/// </summary>
public sealed class AllocatorRecorder
{
    private readonly PyMalloc _allocator;
    private readonly HashSet<(int Arena, int Pool)> _pools = [];
    private readonly HashSet<int> _arenas = [];
    private readonly Dictionary<ulong, int> _systemAllocated = [];
    private readonly HashSet<ulong> _systemFreed = [];

    /// <summary>Starts listening to <paramref name="allocator"/>'s events (after any listener it already has).</summary>
    public AllocatorRecorder(PyMalloc allocator)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        _allocator = allocator;
        allocator.Sink += Observe;
    }

    /// <summary>What changed since the last call, or null when nothing did.</summary>
    public AllocatorChange? TakeChange()
    {
        if (_pools.Count == 0 && _arenas.Count == 0 && _systemAllocated.Count == 0 && _systemFreed.Count == 0)
        {
            return null;
        }

        var arenas = new List<ArenaRecord>();
        var pools = new List<PoolRecord>();
        foreach (var index in _arenas.Order())
        {
            // An arena mapped or given back travels with all its pools (none, once given back).
            arenas.Add(_allocator.ArenaRecordAt(index)!);
            _allocator.AddPoolRecords(index, pools);
        }

        foreach (var (arena, pool) in _pools.Where(p => !_arenas.Contains(p.Arena)).Order())
        {
            pools.Add(_allocator.PoolRecordAt(arena, pool));
        }

        var change = new AllocatorChange(
            arenas.AsReadOnly(),
            [.. pools.OrderBy(p => p.ArenaIndex).ThenBy(p => p.Index)],
            [.. _systemAllocated.OrderBy(b => b.Key).Select(b => new SystemBlock(b.Key, b.Value))],
            [.. _systemFreed.Order()]);
        _pools.Clear();
        _arenas.Clear();
        _systemAllocated.Clear();
        _systemFreed.Clear();
        return change;
    }

    private void Observe(AllocatorEvent e)
    {
        switch (e)
        {
            case ArenaAllocated or ArenaFreed:
                _arenas.Add(e.ArenaIndex);
                break;
            case SystemAllocation allocation:
                _systemAllocated[allocation.Address] = allocation.RequestedBytes;
                break;
            case SystemFree:
                // A block made and freed within the step is simply not there afterwards.
                _systemAllocated.Remove(e.Address);
                _systemFreed.Add(e.Address);
                break;
            default:
                _pools.Add((e.ArenaIndex, e.PoolIndex));
                break;
        }
    }
}
