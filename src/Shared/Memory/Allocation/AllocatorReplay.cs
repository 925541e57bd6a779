namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// pymalloc's state after any step of a trace, rebuilt without re-running, as <see cref="HeapReplay"/>
/// does for the heap: start from the allocator state of the nearest checkpoint at or before the step,
/// then apply each later step's <see cref="AllocatorChange"/>. Null for a trace recorded without
/// allocator states.
/// </summary>
public static class AllocatorReplay
{
    public static AllocatorState? StateAfter(MemoryTrace trace, int stepIndex)
    {
        ArgumentNullException.ThrowIfNull(trace);
        HeapCheckpoint? start = null;
        foreach (var checkpoint in trace.Checkpoints)
        {
            if (checkpoint.Allocator is not null && checkpoint.StepIndex <= stepIndex
                && (start is null || checkpoint.StepIndex > start.StepIndex))
            {
                start = checkpoint;
            }
        }

        if (start?.Allocator is not { } state)
        {
            return null;
        }

        var arenas = state.Arenas.ToDictionary(a => a.Index);
        var pools = state.Pools.ToDictionary(p => (p.ArenaIndex, p.Index));
        var system = state.SystemBlocks.ToDictionary(b => b.Address);
        for (var i = start.StepIndex + 1; i <= stepIndex && i < trace.Steps.Count; i++)
        {
            if (trace.Steps[i].Allocator is not { } change)
            {
                continue;
            }

            foreach (var arena in change.Arenas)
            {
                // An arena in a change comes with all its pools: forget what it held before.
                arenas[arena.Index] = arena;
                foreach (var key in pools.Keys.Where(k => k.ArenaIndex == arena.Index).ToList())
                {
                    pools.Remove(key);
                }
            }

            foreach (var pool in change.Pools)
            {
                pools[(pool.ArenaIndex, pool.Index)] = pool;
            }

            foreach (var address in change.SystemFreed)
            {
                system.Remove(address);
            }

            foreach (var block in change.SystemAllocated)
            {
                system[block.Address] = block;
            }
        }

        return new AllocatorState(
            [.. arenas.Values.OrderBy(a => a.Index)],
            [.. pools.Values.OrderBy(p => p.ArenaIndex).ThenBy(p => p.Index)],
            [.. system.Values.OrderBy(b => b.Address)]);
    }
}
