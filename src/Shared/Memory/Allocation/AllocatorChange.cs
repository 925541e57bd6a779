namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// What one step did to pymalloc, as the new state of what it touched: the pools it changed (a block
/// handed out or freed, a pool carved or emptied), and the arenas it mapped or gave back, each arena with
/// all of its carved pools so a replay can drop the pools of an arena that went away. System blocks that
/// were allocated or freed are listed by themselves.
/// </summary>
public sealed record AllocatorChange(
    IReadOnlyList<ArenaRecord> Arenas,
    IReadOnlyList<PoolRecord> Pools,
    IReadOnlyList<SystemBlock> SystemAllocated,
    IReadOnlyList<ulong> SystemFreed)
{
    /// <summary>True when the step touched neither a pool, an arena nor a system block.</summary>
    public bool IsEmpty => Arenas.Count == 0 && Pools.Count == 0 && SystemAllocated.Count == 0 && SystemFreed.Count == 0;
}
