using Playground.Shared.Memory.Allocation;

namespace Playground.Engines.Memory.Allocation;

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
