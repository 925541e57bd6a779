namespace Playground.Engines.Memory.Allocation;

/// <summary>The three states obmalloc.c's comment gives a pool (3.11 <c>Objects/obmalloc.c</c>:1080-1108).</summary>
public enum PoolState
{
    /// <summary>Some blocks allocated, some free; linked in <c>usedpools[szidx]</c>.</summary>
    Used,

    /// <summary>Every block allocated; in no list until one is freed.</summary>
    Full,

    /// <summary>No block allocated; in its arena's <c>freepools</c>, keeping its last size class and free list.</summary>
    Empty,
}

/// <summary>
/// One carved pool. SizeClass is the class it serves, or served last when Empty; Capacity is
/// <c>NUMBLOCKS(szidx)</c>; UsedBlocks is <c>ref.count</c>.
/// </summary>
public sealed record PoolSnapshot(int Index, ulong Address, int SizeClass, int BlockSize, int UsedBlocks, int Capacity, PoolState State);

/// <summary>
/// One mapped arena: its slot in the <c>arenas</c> vector, address, <c>nfreepools</c>/<c>ntotalpools</c>,
/// and the pools carved so far (pools past <c>pool_address</c> have never been used and are not listed).
/// </summary>
public sealed record ArenaSnapshot(int Index, ulong Address, int FreePools, int TotalPools, IReadOnlyList<PoolSnapshot> Pools);

/// <summary>
/// One row of the first table of <c>sys._debugmallocstats()</c>: pools of a class that hold at least one
/// block (empty pools are skipped), blocks in use, and blocks still available in those pools, never-carved
/// ones included, so <c>BlocksInUse + AvailableBlocks == NumPools * NUMBLOCKS(class)</c>.
/// </summary>
public sealed record SizeClassRow(int SizeClass, int Size, long NumPools, long BlocksInUse, long AvailableBlocks);

/// <summary>
/// An immutable picture of the allocator, shaped like <c>_PyObject_DebugMallocStats</c> (3.11
/// <c>Objects/obmalloc.c</c>:2958-3080) computes it: arenas in <c>arenas</c> order, the class table, the
/// arena counters and the accounting of where the mapped bytes went. <see cref="UsableArenas"/> is the
/// <c>usable_arenas</c> list from head to tail (arena indexes), the order new pools are taken in.
/// </summary>
public sealed record MallocSnapshot(
    IReadOnlyList<ArenaSnapshot> Arenas,
    IReadOnlyList<SizeClassRow> SizeClasses,
    IReadOnlyList<int> UsableArenas,
    long ArenasAllocatedTotal,
    long ArenasReclaimed,
    int ArenasHighwaterMark,
    int ArenasAllocatedCurrent,
    long BytesInAllocatedBlocks,
    long BytesInAvailableBlocks,
    int UnusedPools,
    long BytesLostToPoolHeaders,
    long BytesLostToQuantization,
    long BytesLostToArenaAlignment,
    long AllocatedBlocks,
    int SystemBlocks,
    long SystemBytes)
{
    /// <summary>The first "Total" of the report: always arenas × <c>ARENA_SIZE</c>.</summary>
    public long Total => BytesInAllocatedBlocks + BytesInAvailableBlocks + (long)UnusedPools * PyMalloc.POOL_SIZE
        + BytesLostToPoolHeaders + BytesLostToQuantization + BytesLostToArenaAlignment;
}
