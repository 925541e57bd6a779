namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// The snapshot walks the arenas the way <c>_PyObject_DebugMallocStats</c> does (3.11
/// <c>Objects/obmalloc.c</c>:2990-3035): every associated arena, every pool below its <c>pool_address</c>,
/// skipping pools whose <c>ref.count</c> is 0 in the class table.
/// </summary>
public sealed partial class PyMalloc
{
    /// <summary>An immutable view of arenas, pools and the <c>sys._debugmallocstats()</c> figures, as of now.</summary>
    public MallocSnapshot Snapshot()
    {
        var numpools = new long[NB_SMALL_SIZE_CLASSES];
        var numblocks = new long[NB_SMALL_SIZE_CLASSES];
        var numfreeblocks = new long[NB_SMALL_SIZE_CLASSES];
        var arenas = new List<ArenaSnapshot>();
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
            var pools = new List<PoolSnapshot>();
            for (ulong at = ao.FirstPoolAddress; at < ao.PoolAddress; at += POOL_SIZE)
            {
                PoolHeader pool = ao.Pools[(at - ao.FirstPoolAddress) >> 14]!;
                int sz = pool.SzIdx;
                int capacity = BlocksPerPool(sz);
                PoolState state = pool.Count == 0 ? PoolState.Empty
                    : pool.FreeBlock == 0 ? PoolState.Full
                    : PoolState.Used;
                pools.Add(new PoolSnapshot(pool.Index, pool.Address, sz, BlockSizeOf(sz), pool.Count, capacity, state));
                if (pool.Count == 0)
                {
                    // "currently unused"
                    continue;
                }
                ++numpools[sz];
                numblocks[sz] += pool.Count;
                numfreeblocks[sz] += capacity - pool.Count;
            }
            arenas.Add(new ArenaSnapshot(ao.Index, ao.Address, ao.NFreePools, ao.NTotalPools, pools.AsReadOnly()));
        }

        var rows = new List<SizeClassRow>();
        long allocatedBytes = 0, availableBytes = 0, poolHeaderBytes = 0, quantization = 0;
        for (int i = 0; i < NB_SMALL_SIZE_CLASSES; i++)
        {
            if (numpools[i] == 0)
            {
                continue;
            }
            int size = BlockSizeOf(i);
            rows.Add(new SizeClassRow(i, size, numpools[i], numblocks[i], numfreeblocks[i]));
            allocatedBytes += numblocks[i] * size;
            availableBytes += numfreeblocks[i] * size;
            poolHeaderBytes += numpools[i] * POOL_OVERHEAD;
            quantization += numpools[i] * ((POOL_SIZE - POOL_OVERHEAD) % size);
        }

        var usable = new List<int>();
        for (ArenaObject? a = _usableArenas; a is not null; a = a.NextArena)
        {
            usable.Add(a.Index);
        }

        return new MallocSnapshot(
            arenas.AsReadOnly(), rows.AsReadOnly(), usable.AsReadOnly(),
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
}
