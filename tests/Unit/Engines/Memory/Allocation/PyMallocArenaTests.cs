using Playground.Engines.Memory.Allocation;
using Playground.Shared.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>Pools moving between arenas' freepools and usedpools, and usable_arenas kept sorted, as obmalloc.c does.</summary>
public sealed class PyMallocArenaTests
{
    const int Block512 = 512;
    const int BlocksIn512Pool = 31;

    /// <summary>Fills whole pools with 512-byte blocks; returns the blocks of each pool.</summary>
    static List<List<ulong>> FillPools(PyMalloc malloc, int pools)
    {
        var result = new List<List<ulong>>();
        for (int p = 0; p < pools; p++)
        {
            var blocks = new List<ulong>();
            for (int i = 0; i < BlocksIn512Pool; i++)
            {
                blocks.Add(malloc.Malloc(Block512));
            }
            result.Add(blocks);
        }
        return result;
    }

    static void FreeAll(PyMalloc malloc, IEnumerable<ulong> blocks)
    {
        foreach (ulong b in blocks)
        {
            malloc.Free(b);
        }
    }

    [Fact]
    public void An_emptied_pool_goes_to_its_arenas_freepools_and_is_reused_before_a_new_pool_is_carved()
    {
        var events = new List<AllocatorEvent>();
        var malloc = new PyMalloc { Sink = events.Add };
        ulong small = malloc.Malloc(16);
        ulong other = malloc.Malloc(32);

        malloc.Free(small);
        MallocSnapshot afterFree = malloc.Snapshot();
        ulong reused = malloc.Malloc(100);

        Assert.Contains(new PoolBecameEmpty(PyMalloc.ArenaRegionBase, 0, 0, 0), events);
        Assert.Equal(PoolState.Empty, afterFree.Arenas[0].Pools[0].State);
        Assert.Equal(63, afterFree.Arenas[0].FreePools);
        Assert.Equal(63, afterFree.UnusedPools);
        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_OVERHEAD, reused);
        Assert.Equal(new PoolInitialized(PyMalloc.ArenaRegionBase, 6, 0, 0, Carved: false, KeptFreeList: false), events[^2]);
        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_SIZE + PyMalloc.POOL_OVERHEAD, other);
    }

    [Fact]
    public void A_pool_emptied_and_taken_again_by_the_same_class_keeps_its_free_list()
    {
        var events = new List<AllocatorEvent>();
        var malloc = new PyMalloc { Sink = events.Add };
        ulong a = malloc.Malloc(64);
        ulong b = malloc.Malloc(64);
        ulong c = malloc.Malloc(64);
        malloc.Free(a);
        malloc.Free(c);
        malloc.Free(b);

        // The free list is b -> c -> a -> (virgin block 3); obmalloc hands out its head.
        Assert.Equal(b, malloc.Malloc(64));
        Assert.Equal(new PoolInitialized(PyMalloc.ArenaRegionBase, 3, 0, 0, Carved: false, KeptFreeList: true), events[^2]);
        Assert.Equal(c, malloc.Malloc(64));
        Assert.Equal(a, malloc.Malloc(64));
        Assert.Equal(c + 64, malloc.Malloc(64));
    }

    [Fact]
    public void New_pools_come_from_the_usable_arena_with_the_fewest_free_pools()
    {
        var malloc = new PyMalloc();
        var arena0 = FillPools(malloc, 64);
        var arena1 = FillPools(malloc, 64);
        var arena2 = FillPools(malloc, 10);
        Assert.Equal([2], malloc.Snapshot().UsableArenas);

        // Case 2 of insert_to_freepool: an arena with no free pool goes to the head of usable_arenas.
        FreeAll(malloc, arena0[5]);
        Assert.Equal([0, 2], malloc.Snapshot().UsableArenas);
        FreeAll(malloc, arena1[7]);
        Assert.Equal([1, 0, 2], malloc.Snapshot().UsableArenas);
        FreeAll(malloc, arena1[8]);
        // Case 3: arena 1 now has 2 free pools, more than arena 0's 1, so it slides right past it.
        Assert.Equal([0, 1, 2], malloc.Snapshot().UsableArenas);
        FreeAll(malloc, arena0[6]);
        FreeAll(malloc, arena0[9]);
        Assert.Equal([1, 0, 2], malloc.Snapshot().UsableArenas);

        // The next pool comes from arena 1, the first with the fewest free pools: its most recently emptied
        // pool, which kept its free list, whose head is the block freed last.
        ulong next = malloc.Malloc(Block512);
        Assert.Equal(arena1[8][^1], next);
        MallocSnapshot snapshot = malloc.Snapshot();
        Assert.Equal([1, 0, 2], snapshot.UsableArenas);
        Assert.Equal([3, 1, 54], snapshot.Arenas.Select(a => a.FreePools));
        Assert.Equal(10, arena2.Count);
    }

    [Fact]
    public void A_wholly_free_arena_is_kept_while_last_in_usable_arenas_and_unmapped_when_another_follows_it()
    {
        var events = new List<AllocatorEvent>();
        var malloc = new PyMalloc { Sink = events.Add };
        var arena0 = FillPools(malloc, 64);
        var arena1 = FillPools(malloc, 3);

        // Arena 1 is the only usable arena, so emptying it keeps it mapped (bpo-37257).
        foreach (var pool in arena1)
        {
            FreeAll(malloc, pool);
        }
        MallocSnapshot snapshot = malloc.Snapshot();
        Assert.Equal(2, snapshot.ArenasAllocatedCurrent);
        Assert.Equal(64, snapshot.Arenas[1].FreePools);
        Assert.DoesNotContain(events, e => e is ArenaFreed);

        // Arena 0 empties with arena 1 (64 free pools) to its right: it is unmapped.
        foreach (var pool in arena0)
        {
            FreeAll(malloc, pool);
        }
        snapshot = malloc.Snapshot();
        Assert.Equal(new ArenaFreed(PyMalloc.ArenaRegionBase, 0), events[^1]);
        Assert.Equal([1], snapshot.UsableArenas);
        Assert.Equal([1], snapshot.Arenas.Select(a => a.Index));
        Assert.Equal(2, snapshot.ArenasAllocatedTotal);
        Assert.Equal(1, snapshot.ArenasReclaimed);
        Assert.Equal(2, snapshot.ArenasHighwaterMark);
        Assert.Equal(1, snapshot.ArenasAllocatedCurrent);
        Assert.Equal(0, malloc.AllocatedBlocks);

        // The next arena mapped reuses arena object 0, the head of unused_arena_objects.
        FillPools(malloc, 64);
        ulong first = malloc.Malloc(Block512);
        Assert.Equal(new ArenaAllocated(PyMalloc.ArenaRegionBase, 0, 64), events.OfType<ArenaAllocated>().Last());
        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_OVERHEAD, first);
        Assert.Equal(3, malloc.Snapshot().ArenasAllocatedTotal);
    }

    [Fact]
    public void Requests_of_0_bytes_or_more_than_512_go_to_the_system_allocator()
    {
        var events = new List<AllocatorEvent>();
        var malloc = new PyMalloc { Sink = events.Add };

        ulong zero = malloc.Malloc(0);
        ulong big = malloc.Malloc(513);
        ulong biggest = malloc.Malloc(512);

        Assert.Equal(-1, PyMalloc.SizeClassOf(0));
        Assert.Equal(-1, PyMalloc.SizeClassOf(513));
        Assert.True(zero < PyMalloc.ArenaRegionBase && big < PyMalloc.ArenaRegionBase && zero != big);
        Assert.True(biggest >= PyMalloc.ArenaRegionBase);
        Assert.Equal([new SystemAllocation(zero, 0), new SystemAllocation(big, 513)], events.Take(2));
        Assert.Equal(1, malloc.Snapshot().ArenasAllocatedCurrent);
        Assert.Equal(2, malloc.Snapshot().SystemBlocks);
        malloc.Free(big);
        Assert.Equal(new SystemFree(big, 513), events[^1]);
        Assert.Equal(2, malloc.AllocatedBlocks);
    }

    [Fact]
    public void An_arena_mapped_off_a_pool_boundary_loses_one_pool_to_alignment()
    {
        var malloc = new PyMalloc(arenasPoolAligned: false);
        ulong first = malloc.Malloc(8);

        MallocSnapshot snapshot = malloc.Snapshot();
        Assert.Equal(63, snapshot.Arenas[0].TotalPools);
        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_SIZE + PyMalloc.POOL_OVERHEAD, first);
        Assert.Equal(PyMalloc.POOL_SIZE, snapshot.BytesLostToArenaAlignment);
        Assert.Equal(PyMalloc.ARENA_SIZE, snapshot.Total);
    }
}
