using System.Globalization;
using Playground.Engines.Memory.Allocation;
using Playground.Shared.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>
/// The model against real python3's <c>sys._debugmallocstats()</c>. A live interpreter's heap is not the
/// model's, so these compare what must agree exactly: the geometry (block sizes, blocks per pool, pool header,
/// pool and arena sizes), which class a request lands in, how many pools a run of requests fills, and the
/// report's text layout.
/// </summary>
public sealed class PyMallocOracleTests
{
    const int N = 1000;

    /// <summary>For classes 2..31, N bytes objects whose request (33 + len, <c>PyBytesObject_SIZE</c> + len) exactly fills the class's block.</summary>
    const string AllocateEveryClass = """
        N = 1000
        keep = []
        stats()
        for c in range(2, 32):
            n = 16 * (c + 1) - 33
            keep.append([b'x' * n for _ in range(N)])
        stats()
        """;

    static readonly Lazy<IReadOnlyList<DebugMallocStatsReport>> Reports = new(() => DebugMallocStatsReport.RunPython(AllocateEveryClass));

    [Fact]
    public void Every_class_row_of_real_python_is_whole_pools_of_the_models_block_size_and_NUMBLOCKS()
    {
        DebugMallocStatsReport after = Reports.Value[1];

        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture,
            $"Small block threshold = {PyMalloc.SMALL_REQUEST_THRESHOLD}, in {PyMalloc.NB_SMALL_SIZE_CLASSES} size classes.\n"), after.Text);
        Assert.Equal(Enumerable.Range(0, PyMalloc.NB_SMALL_SIZE_CLASSES), after.Rows.Select(r => r.SizeClass));
        foreach (var row in after.Rows)
        {
            Assert.Equal(PyMalloc.BlockSizeOf(row.SizeClass), row.Size);
            Assert.Equal(row.NumPools * PyMalloc.BlocksPerPool(row.SizeClass), row.BlocksInUse + row.AvailableBlocks);
        }
    }

    [Fact]
    public void Real_pool_header_and_quantization_bytes_follow_POOL_OVERHEAD_POOL_SIZE_and_ARENA_SIZE()
    {
        DebugMallocStatsReport after = Reports.Value[1];
        long pools = after.Rows.Sum(r => r.NumPools);
        long quantization = after.Rows.Sum(r => r.NumPools * ((PyMalloc.POOL_SIZE - PyMalloc.POOL_OVERHEAD) % r.Size));
        long arenas = after.Lines["# arenas allocated current"];
        long unused = after.Lines.Single(l => l.Key.EndsWith("unused pools * 16384 bytes", StringComparison.Ordinal)).Value;

        Assert.Equal(pools * PyMalloc.POOL_OVERHEAD, after.Lines["# bytes lost to pool headers"]);
        Assert.Equal(quantization, after.Lines["# bytes lost to quantization"]);
        Assert.Equal(arenas * PyMalloc.ARENA_SIZE, after.Lines[string.Create(CultureInfo.InvariantCulture, $"{arenas} arenas * {PyMalloc.ARENA_SIZE} bytes/arena")]);
        Assert.Equal(arenas * PyMalloc.ARENA_SIZE, after.Lines["Total"]);
        Assert.Equal(arenas * PyMalloc.MAX_POOLS_IN_ARENA * PyMalloc.POOL_SIZE,
            pools * PyMalloc.POOL_SIZE + unused + after.Lines["# bytes lost to arena alignment"]);
    }

    [Fact]
    public void Bytes_objects_land_in_the_class_the_model_computes_and_fill_as_many_pools_as_in_the_model()
    {
        DebugMallocStatsReport before = Reports.Value[0];
        DebugMallocStatsReport after = Reports.Value[1];

        for (int c = 2; c < PyMalloc.NB_SMALL_SIZE_CLASSES; c++)
        {
            int request = 33 + (16 * (c + 1) - 33);
            int sizeClass = PyMalloc.SizeClassOf(request);
            var model = new PyMalloc();
            for (int i = 0; i < N; i++)
            {
                model.Malloc(request);
            }
            SizeClassRow modelRow = Assert.Single(model.Snapshot().SizeClasses);
            var real = after.Rows.Single(r => r.SizeClass == sizeClass);
            var realBefore = before.Rows.SingleOrDefault(r => r.SizeClass == sizeClass);

            Assert.Equal(c, sizeClass);
            Assert.Equal(N, modelRow.BlocksInUse);
            // The interpreter allocates a few blocks of its own between the two reports.
            Assert.InRange(real.BlocksInUse - realBefore.BlocksInUse, N, N + 8);
            // Real pools already partly filled absorb up to one pool's worth of the run.
            Assert.InRange(real.NumPools - realBefore.NumPools, modelRow.NumPools - 1, modelRow.NumPools);
        }
    }

    [Fact]
    public void Formatter_prints_real_pythons_numbers_in_exactly_its_layout()
    {
        DebugMallocStatsReport real = Reports.Value[1];
        var snapshot = new MallocSnapshot(
            Arenas: [],
            SizeClasses: real.Rows.Select(r => new SizeClassRow(r.SizeClass, r.Size, r.NumPools, r.BlocksInUse, r.AvailableBlocks)).ToList(),
            UsableArenas: [],
            ArenasAllocatedTotal: real.Lines["# arenas allocated total"],
            ArenasReclaimed: real.Lines["# arenas reclaimed"],
            ArenasHighwaterMark: (int)real.Lines["# arenas highwater mark"],
            ArenasAllocatedCurrent: (int)real.Lines["# arenas allocated current"],
            BytesInAllocatedBlocks: real.Lines["# bytes in allocated blocks"],
            BytesInAvailableBlocks: real.Lines["# bytes in available blocks"],
            UnusedPools: (int)(real.Lines.Single(l => l.Key.EndsWith("unused pools * 16384 bytes", StringComparison.Ordinal)).Value / PyMalloc.POOL_SIZE),
            BytesLostToPoolHeaders: real.Lines["# bytes lost to pool headers"],
            BytesLostToQuantization: real.Lines["# bytes lost to quantization"],
            BytesLostToArenaAlignment: real.Lines["# bytes lost to arena alignment"],
            AllocatedBlocks: 0,
            SystemBlocks: 0,
            SystemBytes: 0);

        Assert.Equal(real.Text, DebugMallocStatsFormatter.Format(snapshot));
    }
}
