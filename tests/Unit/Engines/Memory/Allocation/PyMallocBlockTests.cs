using Playground.Engines.Memory.Allocation;
using Playground.Shared.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>Blocks inside one pool: hand-worked obmalloc.c examples of where a request lands.</summary>
public sealed class PyMallocBlockTests
{
    [Fact]
    public void First_24_byte_request_maps_an_arena_and_lands_in_class_1_just_after_the_pool_header()
    {
        var events = new List<AllocatorEvent>();
        var malloc = new PyMalloc { Sink = events.Add };

        ulong address = malloc.Malloc(24);

        Assert.Equal(1, PyMalloc.SizeClassOf(24));
        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_OVERHEAD, address);
        Assert.Equal(48, PyMalloc.POOL_OVERHEAD);
        Assert.Collection(events,
            e => Assert.Equal(new ArenaAllocated(PyMalloc.ArenaRegionBase, 0, 64), e),
            e => Assert.Equal(new PoolInitialized(PyMalloc.ArenaRegionBase, 1, 0, 0, Carved: true, KeptFreeList: false), e),
            e => Assert.Equal(new BlockAllocated(address, 24, 1, 0, 0, 0), e));
    }

    [Theory]
    [InlineData(1, 0, 16)]
    [InlineData(16, 0, 16)]
    [InlineData(17, 1, 32)]
    [InlineData(28, 1, 32)]
    [InlineData(56, 3, 64)]
    [InlineData(496, 30, 496)]
    [InlineData(497, 31, 512)]
    [InlineData(512, 31, 512)]
    public void Request_is_rounded_up_to_a_multiple_of_16(int nbytes, int sizeClass, int blockSize)
    {
        Assert.Equal(sizeClass, PyMalloc.SizeClassOf(nbytes));
        Assert.Equal(blockSize, PyMalloc.BlockSizeOf(sizeClass));
    }

    [Theory]
    [InlineData(0, 1021)]
    [InlineData(1, 510)]
    [InlineData(3, 255)]
    [InlineData(7, 127)]
    [InlineData(15, 63)]
    [InlineData(30, 32)]
    [InlineData(31, 31)]
    public void A_pool_holds_NUMBLOCKS_blocks_and_the_next_one_opens_a_second_pool(int sizeClass, int numblocks)
    {
        var malloc = new PyMalloc();
        int size = PyMalloc.BlockSizeOf(sizeClass);
        Assert.Equal(numblocks, PyMalloc.BlocksPerPool(sizeClass));

        ulong last = 0;
        for (int i = 0; i < numblocks; i++)
        {
            last = malloc.Malloc(size);
        }
        ulong next = malloc.Malloc(size);

        Assert.Equal(PyMalloc.ArenaRegionBase + (ulong)(PyMalloc.POOL_OVERHEAD + (numblocks - 1) * size), last);
        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_SIZE + PyMalloc.POOL_OVERHEAD, next);
    }

    [Fact]
    public void Freed_blocks_are_handed_out_again_last_freed_first_before_any_virgin_block()
    {
        var malloc = new PyMalloc();
        ulong a = malloc.Malloc(32);
        ulong b = malloc.Malloc(32);
        ulong c = malloc.Malloc(32);

        malloc.Free(b);
        malloc.Free(a);

        Assert.Equal(a, malloc.Malloc(32));
        Assert.Equal(b, malloc.Malloc(32));
        Assert.Equal(c + 32, malloc.Malloc(32));
    }

    [Fact]
    public void A_full_pool_leaves_usedpools_and_returns_to_its_front_when_a_block_is_freed()
    {
        var events = new List<AllocatorEvent>();
        var malloc = new PyMalloc { Sink = events.Add };
        var firstPool = new List<ulong>();
        for (int i = 0; i < 31; i++)
        {
            firstPool.Add(malloc.Malloc(512));
        }
        Assert.IsType<PoolBecameFull>(events[^1]);
        Assert.Equal(PoolState.Full, malloc.Snapshot().Arenas[0].Pools[0].State);

        ulong inSecondPool = malloc.Malloc(512);
        malloc.Free(firstPool[10]);
        ulong reused = malloc.Malloc(512);

        Assert.Equal(PyMalloc.ArenaRegionBase + PyMalloc.POOL_SIZE + PyMalloc.POOL_OVERHEAD, inSecondPool);
        Assert.Contains(new PoolBecameUsed(PyMalloc.ArenaRegionBase, 31, 0, 0), events);
        Assert.Equal(firstPool[10], reused);
        Assert.Equal(PoolState.Used, malloc.Snapshot().Arenas[0].Pools[1].State);
    }

    [Fact]
    public void Freeing_an_address_never_handed_out_or_freed_twice_throws()
    {
        var malloc = new PyMalloc();
        ulong a = malloc.Malloc(40);
        ulong big = malloc.Malloc(1000);

        Assert.Throws<InvalidOperationException>(() => malloc.Free(a + 8));
        Assert.Throws<InvalidOperationException>(() => malloc.Free(a + 48));
        Assert.Throws<InvalidOperationException>(() => malloc.Free(PyMalloc.ArenaRegionBase + (5UL << 21)));
        Assert.Throws<InvalidOperationException>(() => malloc.Free(big + 16));
        malloc.Free(a);
        malloc.Free(big);
        Assert.Throws<InvalidOperationException>(() => malloc.Free(a));
        Assert.Throws<InvalidOperationException>(() => malloc.Free(big));
        Assert.Equal(0, malloc.AllocatedBlocks);
    }

    [Fact]
    public void An_address_leads_back_to_its_arena_pool_and_block_by_arithmetic()
    {
        var malloc = new PyMalloc();
        for (int i = 0; i < 510 + 7; i++)
        {
            malloc.Malloc(32);
        }
        ulong inSecondPool = malloc.Malloc(20);
        ulong big = malloc.Malloc(4000);

        Assert.True(malloc.TryLocate(inSecondPool, out BlockLocation small));
        Assert.Equal(new BlockLocation(1, 0, 1, 7, 0), small);
        Assert.True(malloc.TryLocate(big, out BlockLocation system));
        Assert.True(system.IsSystem);
        Assert.Equal(4000, system.SystemBytes);
        malloc.Free(inSecondPool);
        Assert.False(malloc.TryLocate(inSecondPool, out _));
        Assert.False(malloc.TryLocate(inSecondPool + 16, out _));
    }

    [Fact]
    public void Realloc_keeps_the_block_unless_it_grows_past_its_class_or_shrinks_by_more_than_a_quarter()
    {
        var malloc = new PyMalloc();
        ulong a = malloc.Malloc(64);

        Assert.Equal(a, malloc.Realloc(a, 60));
        Assert.Equal(a, malloc.Realloc(a, 49));
        ulong shrunk = malloc.Realloc(a, 48);
        Assert.NotEqual(a, shrunk);
        Assert.Equal(2, malloc.Snapshot().SizeClasses.Single().SizeClass);
        ulong grown = malloc.Realloc(shrunk, 600);
        Assert.True(grown < PyMalloc.ArenaRegionBase);
        Assert.Empty(malloc.Snapshot().SizeClasses);
        Assert.Equal(1, malloc.AllocatedBlocks);
    }
}
