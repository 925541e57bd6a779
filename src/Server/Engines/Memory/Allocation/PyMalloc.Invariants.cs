using System.Globalization;

namespace Playground.Engines.Memory.Allocation;

/// <summary>
/// The structural promises obmalloc.c states in its asserts (3.11 <c>Objects/obmalloc.c</c>: the
/// <c>usable_arenas</c> order and <c>nfp2lasta</c> at 1196-1258 and in <c>insert_to_freepool</c>, the pool states
/// at 1080-1108), checked over the whole model. Used by tests after long random runs.
/// </summary>
public sealed partial class PyMalloc
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first broken invariant.</summary>
    internal void CheckInvariants()
    {
        // usable_arenas: doubly linked, mapped, at least one free pool, sorted by nfreepools ascending;
        // nfp2lasta[n] is its last arena with n free pools.
        var lastWith = new ArenaObject?[MAX_POOLS_IN_ARENA + 1];
        ArenaObject? prev = null;
        for (ArenaObject? a = _usableArenas; a is not null; prev = a, a = a.NextArena)
        {
            Require(a.PrevArena == prev, $"arena {a.Index}: prevarena does not point back");
            Require(a.Address != 0 && a.NFreePools > 0, $"arena {a.Index} is in usable_arenas without a free pool");
            Require(prev is null || prev.NFreePools <= a.NFreePools, $"usable_arenas is out of order at arena {a.Index}");
            lastWith[a.NFreePools] = a;
        }
        for (int n = 0; n <= MAX_POOLS_IN_ARENA; n++)
        {
            Require(_nfp2lasta[n] == lastWith[n], $"nfp2lasta[{n}] is not the last usable arena with {n} free pools");
        }

        long blocks = 0;
        int mapped = 0;
        var inUsedpools = new HashSet<PoolHeader>(ReferenceEqualityComparer.Instance);
        for (int c = 0; c < NB_SMALL_SIZE_CLASSES; c++)
        {
            PoolHeader head = _usedpools[c];
            for (PoolHeader p = head.NextPool!; p != head; p = p.NextPool!)
            {
                Require(p.NextPool!.PrevPool == p, $"usedpools[{c}] is not doubly linked");
                Require(p.SzIdx == c && p.Count > 0 && p.FreeBlock != 0, $"usedpools[{c}] holds a pool that is not used by class {c}");
                inUsedpools.Add(p);
            }
        }
        for (int i = 0; i < _maxarenas; i++)
        {
            ArenaObject ao = _arenas[i];
            if (ao.Address == 0)
            {
                continue;
            }
            mapped++;
            int cached = 0;
            for (PoolHeader? p = ao.FreePools; p is not null; p = p.NextPool)
            {
                Require(p.Count == 0, $"arena {i}: a pool in freepools has allocated blocks");
                cached++;
            }
            int uncarved = (int)((ao.FirstPoolAddress + (ulong)ao.NTotalPools * POOL_SIZE - ao.PoolAddress) / POOL_SIZE);
            Require(ao.NFreePools == cached + uncarved, $"arena {i}: nfreepools is not freepools plus uncarved pools");
            Require((ao.NFreePools > 0) == (ao.PrevArena is not null || _usableArenas == ao), $"arena {i}: on usable_arenas if and only if it has a free pool");
            for (ulong at = ao.FirstPoolAddress; at < ao.PoolAddress; at += POOL_SIZE)
            {
                PoolHeader pool = ao.Pools[(at - ao.FirstPoolAddress) >> 14]!;
                if (pool.Count == 0)
                {
                    continue;
                }
                int numblocks = BlocksPerPool(pool.SzIdx);
                int free = 0;
                for (int b = pool.FreeBlock; b != 0; b = pool.NextFree[b - 1])
                {
                    Require((pool.Allocated[(b - 1) >> 6] & (1UL << (b - 1))) == 0, $"arena {i} pool {pool.Index}: an allocated block is on the free list");
                    Require(++free <= numblocks, $"arena {i} pool {pool.Index}: the free list loops");
                }
                int marked = 0;
                foreach (ulong word in pool.Allocated)
                {
                    marked += System.Numerics.BitOperations.PopCount(word);
                }
                Require(marked == pool.Count, $"arena {i} pool {pool.Index}: ref.count is not the number of allocated blocks");
                Require(pool.Count + free + (numblocks - pool.NextBlock) == numblocks, $"arena {i} pool {pool.Index}: blocks are lost");
                Require((pool.FreeBlock != 0) == inUsedpools.Contains(pool), $"arena {i} pool {pool.Index}: in usedpools if and only if it has a free block");
                blocks += pool.Count;
            }
        }
        Require(blocks == _pymallocBlocks, "the pools' ref.counts do not add up to the blocks handed out");
        Require(mapped == _narenasCurrentlyAllocated, "narenas_currently_allocated is not the number of mapped arenas");
    }

    static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"pymalloc invariant broken: {what}."));
        }
    }
}
