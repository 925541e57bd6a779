using Playground.Engines.Memory.Allocation;
using Playground.Shared.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>The snapshot's class table and byte accounting on hand-worked states.</summary>
public sealed class PyMallocSnapshotTests
{
    [Fact]
    public void Table_counts_used_and_full_pools_but_skips_empty_ones()
    {
        var malloc = new PyMalloc();
        var blocks = new List<ulong>();
        for (int i = 0; i < 600; i++)
        {
            blocks.Add(malloc.Malloc(30));
        }
        ulong lone = malloc.Malloc(200);
        malloc.Free(lone);
        malloc.Malloc(500);

        MallocSnapshot snapshot = malloc.Snapshot();

        Assert.Equal(
            [new SizeClassRow(1, 32, 2, 600, 420), new SizeClassRow(31, 512, 1, 1, 30)],
            snapshot.SizeClasses);
        Assert.Equal([PoolState.Full, PoolState.Used, PoolState.Used], snapshot.Arenas[0].Pools.Select(p => p.State));
        Assert.Equal(600 * 32 + 512, snapshot.BytesInAllocatedBlocks);
        Assert.Equal(420 * 32 + 30 * 512, snapshot.BytesInAvailableBlocks);
        Assert.Equal(61, snapshot.UnusedPools);
        Assert.Equal(3 * 48, snapshot.BytesLostToPoolHeaders);
        Assert.Equal(2 * (16336 % 32) + 16336 % 512, snapshot.BytesLostToQuantization);
        Assert.Equal(PyMalloc.ARENA_SIZE, snapshot.Total);
        Assert.Equal(601, snapshot.AllocatedBlocks);
    }

    [Fact]
    public void Formatter_writes_the_hand_worked_state_as_debugmallocstats_would()
    {
        var malloc = new PyMalloc();
        malloc.Malloc(24);
        malloc.Malloc(24);
        malloc.Malloc(512);

        string text = DebugMallocStatsFormatter.Format(malloc.Snapshot());

        Assert.Equal("""
            Small block threshold = 512, in 32 size classes.

            class   size   num pools   blocks in use  avail blocks
            -----   ----   ---------   -------------  ------------
                1     32           1               2           508
               31    512           1               1            30

            # arenas allocated total           =                    1
            # arenas reclaimed                 =                    0
            # arenas highwater mark            =                    1
            # arenas allocated current         =                    1
            1 arenas * 1048576 bytes/arena     =            1,048,576

            # bytes in allocated blocks        =                  576
            # bytes in available blocks        =               31,616
            62 unused pools * 16384 bytes      =            1,015,808
            # bytes lost to pool headers       =                   96
            # bytes lost to quantization       =                  480
            # bytes lost to arena alignment    =                    0
            Total                              =            1,048,576

            """.ReplaceLineEndings("\n"), text);
    }
}
