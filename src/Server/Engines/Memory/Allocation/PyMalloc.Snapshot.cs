using Playground.Shared.Memory.Allocation;

namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// The snapshot walks the arenas the way <c>_PyObject_DebugMallocStats</c> does (3.11
/// <c>Objects/obmalloc.c</c>:2990-3035): every associated arena, every pool below its <c>pool_address</c>,
/// skipping pools whose <c>ref.count</c> is 0 in the class table. The same pool records make the
/// <see cref="AllocatorState"/> a trace carries, so the page's live table and this report share one model
/// (<see cref="SizeClassRow.Tabulate"/>).
/// </summary>
public sealed partial class PyMalloc
{
    /// <summary>An immutable view of arenas, pools and the <c>sys._debugmallocstats()</c> figures, as of now.</summary>
    public MallocSnapshot Snapshot()
    {
        var arenas = new List<ArenaSnapshot>();
        var records = new List<PoolRecord>();
        int numfreepools = 0;
        long arenaAlignment = 0;

        for (int i = 0; i < _maxarenas; i++)
        {
            ArenaObject ao = _arenas[i];
            if (ao.Address == 0)
            {
                continue;
            }
            numfreepools += ao.NFreePools;
            if ((ao.Address & PoolSizeMask) != 0)
            {
                arenaAlignment += POOL_SIZE;
            }
            int first = records.Count;
            AddPoolRecords(ao, records);
            var pools = records.Skip(first)
                .Select(p => new PoolSnapshot(p.Index, p.Address, p.SizeClass, p.BlockSize, p.UsedBlocks, p.TotalBlocks, p.State))
                .ToList();
            arenas.Add(new ArenaSnapshot(ao.Index, ao.Address, ao.NFreePools, ao.NTotalPools, pools.AsReadOnly()));
        }

        IReadOnlyList<SizeClassRow> rows = SizeClassRow.Tabulate(records);
        long allocatedBytes = 0, availableBytes = 0, poolHeaderBytes = 0, quantization = 0;
        foreach (SizeClassRow row in rows)
        {
            allocatedBytes += row.BlocksInUse * row.Size;
            availableBytes += row.AvailableBlocks * row.Size;
            poolHeaderBytes += row.NumPools * POOL_OVERHEAD;
            quantization += row.NumPools * ((POOL_SIZE - POOL_OVERHEAD) % row.Size);
        }

        var usable = new List<int>();
        for (ArenaObject? a = _usableArenas; a is not null; a = a.NextArena)
        {
            usable.Add(a.Index);
        }

        return new MallocSnapshot(
            arenas.AsReadOnly(), rows, usable.AsReadOnly(),
            ArenasAllocatedTotal: _ntimesArenaAllocated,
            ArenasReclaimed: _ntimesArenaAllocated - _narenasCurrentlyAllocated,
            ArenasHighwaterMark: _narenasHighwater,
            ArenasAllocatedCurrent: _narenasCurrentlyAllocated,
            BytesInAllocatedBlocks: allocatedBytes,
            BytesInAvailableBlocks: availableBytes,
            UnusedPools: numfreepools,
            BytesLostToPoolHeaders: poolHeaderBytes,
            BytesLostToQuantization: quantization,
            BytesLostToArenaAlignment: arenaAlignment,
            AllocatedBlocks: AllocatedBlocks,
            SystemBlocks: _system.LiveCount,
            SystemBytes: _system.LiveBytes);
    }

    /// <summary>
    /// The whole allocator as a trace checkpoint carries it: every arena object that ever had an arena
    /// (those given back marked freed), the pools carved in the mapped ones, and the live system blocks.
    /// </summary>
    public AllocatorState State()
    {
        var arenas = new List<ArenaRecord>();
        var pools = new List<PoolRecord>();
        for (int i = 0; i < _maxarenas; i++)
        {
            if (ArenaRecordAt(i) is { } record)
            {
                arenas.Add(record);
                AddPoolRecords(_arenas[i], pools);
            }
        }
        return new AllocatorState(arenas.AsReadOnly(), pools.AsReadOnly(), _system.LiveBlocks());
    }

    /// <summary>Arena object <paramref name="index"/> as a record, or null if no arena was ever mapped behind it.</summary>
    internal ArenaRecord? ArenaRecordAt(int index)
    {
        ArenaObject ao = _arenas[index];
        return ao.EverMapped
            ? new ArenaRecord(ao.Index, ArenaAddressOf(ao.Index), ao.NTotalPools, Freed: ao.Address == 0)
            : null;
    }

    /// <summary>The carved pools of a mapped arena, appended in address order; none for an arena given back.</summary>
    internal void AddPoolRecords(int arenaIndex, List<PoolRecord> into) => AddPoolRecords(_arenas[arenaIndex], into);

    /// <summary>Pool <paramref name="poolIndex"/> of arena <paramref name="arenaIndex"/> as it is now.</summary>
    internal PoolRecord PoolRecordAt(int arenaIndex, int poolIndex) => Record(_arenas[arenaIndex].Pools[poolIndex]!);

    static void AddPoolRecords(ArenaObject ao, List<PoolRecord> into)
    {
        if (ao.Address == 0)
        {
            return;
        }
        for (ulong at = ao.FirstPoolAddress; at < ao.PoolAddress; at += POOL_SIZE)
        {
            into.Add(Record(ao.Pools[(at - ao.FirstPoolAddress) >> 14]!));
        }
    }

    static PoolRecord Record(PoolHeader pool)
    {
        int sz = pool.SzIdx;
        PoolState state = pool.Count == 0 ? PoolState.Empty
            : pool.FreeBlock == 0 ? PoolState.Full
            : PoolState.Used;
        return new PoolRecord(pool.ArenaIndex, pool.Index, pool.Address, sz, BlockSizeOf(sz), pool.Count, BlocksPerPool(sz), state);
    }
}
