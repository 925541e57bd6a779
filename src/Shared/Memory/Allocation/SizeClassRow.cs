namespace Playground.Shared.Memory.Allocation;

/// <summary>
/// One row of the first table of <c>sys._debugmallocstats()</c>: pools of a class that hold at least one
/// block (empty pools are skipped), blocks in use, and blocks still available in those pools, never-carved
/// ones included, so <c>BlocksInUse + AvailableBlocks == NumPools * NUMBLOCKS(class)</c>.
/// </summary>
public sealed record SizeClassRow(int SizeClass, int Size, long NumPools, long BlocksInUse, long AvailableBlocks)
{
    /// <summary>
    /// The table as <c>_PyObject_DebugMallocStats</c> (3.11 <c>Objects/obmalloc.c</c>:2990-3050) computes
    /// it: walk every carved pool, skip those whose <c>ref.count</c> is 0 ("currently unused"), count pools,
    /// used and free blocks per class, and print the classes that have a pool, smallest first.
    /// </summary>
    public static IReadOnlyList<SizeClassRow> Tabulate(IEnumerable<PoolRecord> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var numpools = new long[PymallocLayout.SizeClasses];
        var numblocks = new long[PymallocLayout.SizeClasses];
        var numfreeblocks = new long[PymallocLayout.SizeClasses];
        foreach (var pool in pools)
        {
            if (pool.UsedBlocks == 0)
            {
                continue;
            }

            numpools[pool.SizeClass]++;
            numblocks[pool.SizeClass] += pool.UsedBlocks;
            numfreeblocks[pool.SizeClass] += pool.TotalBlocks - pool.UsedBlocks;
        }

        var rows = new List<SizeClassRow>();
        for (var i = 0; i < PymallocLayout.SizeClasses; i++)
        {
            if (numpools[i] != 0)
            {
                rows.Add(new SizeClassRow(i, PymallocLayout.BlockSizeOf(i), numpools[i], numblocks[i], numfreeblocks[i]));
            }
        }

        return rows.AsReadOnly();
    }
}
