using Playground.Engines.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>Long seeded random runs keep every structural promise obmalloc.c asserts.</summary>
public sealed class PyMallocRandomRunTests
{
    [Theory]
    [InlineData(1, 128)]
    [InlineData(2, 512)]
    [InlineData(3, 2000)]
    public void Random_mallocs_and_frees_keep_obmallocs_invariants_and_leave_one_free_arena(int seed, int maxBytes)
    {
        var random = new Random(seed);
        var malloc = new PyMalloc(arenasPoolAligned: seed != 2);
        var live = new List<ulong>();
        int peakArenas = 0;
        for (int step = 1; step <= 120_000; step++)
        {
            // Grow for the first half, shrink in the second, so arenas fill up, drain and get unmapped.
            bool grow = random.Next(100) < (step < 60_000 ? 70 : 30);
            if (grow || live.Count == 0)
            {
                live.Add(malloc.Malloc(random.Next(maxBytes + 1)));
            }
            else
            {
                int i = random.Next(live.Count);
                malloc.Free(live[i]);
                live[i] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
            peakArenas = Math.Max(peakArenas, malloc.ArenasAllocatedCurrent);
            if (step % 10_000 == 0)
            {
                malloc.CheckInvariants();
                Assert.Equal(live.Count, malloc.AllocatedBlocks);
            }
        }
        foreach (ulong address in live)
        {
            malloc.Free(address);
        }

        malloc.CheckInvariants();
        MallocSnapshot snapshot = malloc.Snapshot();
        Assert.True(peakArenas > 1, $"the run should need several arenas, it peaked at {peakArenas}");
        Assert.Equal(0, malloc.AllocatedBlocks);
        Assert.Equal(1, snapshot.ArenasAllocatedCurrent);
        Assert.Empty(snapshot.SizeClasses);
        Assert.Equal(snapshot.ArenasAllocatedTotal - 1, snapshot.ArenasReclaimed);
        Assert.Equal((long)snapshot.ArenasAllocatedCurrent * PyMalloc.ARENA_SIZE, snapshot.Total);
    }
}
