namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// pymalloc as a whole at one point of a run: every arena mapped so far (freed ones marked), every pool
/// carved in the arenas still mapped, in arena and pool order, and the live blocks of the system allocator
/// in address order. A checkpoint carries one; steps carry <see cref="AllocatorChange"/>s.
/// </summary>
public sealed record AllocatorState(
    IReadOnlyList<ArenaRecord> Arenas,
    IReadOnlyList<PoolRecord> Pools,
    IReadOnlyList<SystemBlock> SystemBlocks)
{
    public static AllocatorState Empty { get; } = new([], [], []);

    /// <summary>The size-class table of <c>sys._debugmallocstats()</c> for this state.</summary>
    public IReadOnlyList<SizeClassRow> SizeClasses() => SizeClassRow.Tabulate(Pools);
}
