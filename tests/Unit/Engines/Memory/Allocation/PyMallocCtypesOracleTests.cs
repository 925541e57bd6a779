using System.Diagnostics;
using Playground.Engines.Memory.Allocation;
using Xunit;

namespace Playground.Tests.Unit.Engines.Memory.Allocation;

/// <summary>
/// Real pymalloc driven through ctypes (<c>PyObject_Malloc</c>/<c>PyObject_Free</c> of the running python3)
/// and the model driven through the same calls. Real pools already hold the interpreter's blocks, so the
/// scenarios compare outcomes that do not depend on that: which earlier block a request gets back, and where
/// blocks sit inside their 16 KiB pool.
/// </summary>
public sealed class PyMallocCtypesOracleTests
{
    const string Prelude = """
        import ctypes
        malloc = ctypes.pythonapi.PyObject_Malloc
        malloc.restype = ctypes.c_void_p
        malloc.argtypes = [ctypes.c_size_t]
        free = ctypes.pythonapi.PyObject_Free
        free.argtypes = [ctypes.c_void_p]
        POOL = 16384

        """;

    static string RunPython(string script)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-");
        start.Environment.Remove("PYTHONMALLOC");
        start.Environment.Remove("PYTHONDEVMODE");
        using var process = Process.Start(start)!;
        process.StandardInput.Write(Prelude + script);
        process.StandardInput.Close();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return stdout.Trim();
    }

    [Fact]
    public void Freed_blocks_come_back_last_freed_first_in_real_pymalloc_and_in_the_model()
    {
        // 490 bytes (class 30): the ints ctypes makes for the addresses are class 1 and stay out of the way.
        // The six blocks must share a pool: if they straddle two, freeing one in a full pool moves that pool
        // to the front of usedpools and the order changes (the next test shows that rule on its own).
        string real = RunPython("""
            keep = []
            while True:
                blocks = [malloc(490) for _ in range(6)]
                if len({b // POOL for b in blocks}) == 1:
                    break
                keep.append(blocks)
            free(blocks[1]); free(blocks[4]); free(blocks[2])
            again = [malloc(490) for _ in range(3)]
            print(",".join(str(blocks.index(a)) for a in again))
            """);

        var model = new PyMalloc();
        var blocks = Enumerable.Range(0, 6).Select(_ => model.Malloc(490)).ToList();
        model.Free(blocks[1]);
        model.Free(blocks[4]);
        model.Free(blocks[2]);
        var again = Enumerable.Range(0, 3).Select(_ => blocks.IndexOf(model.Malloc(490)));

        Assert.Equal("2,4,1", real);
        Assert.Equal(real, string.Join(",", again));
    }

    [Fact]
    public void A_block_freed_in_a_full_pool_is_the_next_one_handed_out_in_real_pymalloc_and_in_the_model()
    {
        // 512-byte blocks: 31 per pool. Of 4 pools' worth, some pool is wholly ours, hence full.
        string real = RunPython("""
            blocks = [malloc(512) for _ in range(124)]
            pools = {}
            for b in blocks:
                pools.setdefault(b // POOL, []).append(b)
            full = next(p for p in pools.values() if len(p) == 31)
            victim = full[17]
            free(victim)
            print(malloc(512) == victim, sorted({(b % POOL - 48) % 512 for b in blocks}))
            """);

        var model = new PyMalloc();
        var blocks = Enumerable.Range(0, 124).Select(_ => model.Malloc(512)).ToList();
        var full = blocks.GroupBy(b => b / PyMalloc.POOL_SIZE).First(g => g.Count() == 31).ToList();
        model.Free(full[17]);
        bool same = model.Malloc(512) == full[17];
        var remainders = blocks.Select(b => (long)(b % PyMalloc.POOL_SIZE) - PyMalloc.POOL_OVERHEAD).Select(r => r % 512).Distinct();

        Assert.Equal("True [0]", real);
        Assert.Equal(real, $"{same} [{string.Join(", ", remainders)}]");
    }

    [Fact]
    public void Blocks_of_every_class_sit_at_POOL_OVERHEAD_plus_a_multiple_of_the_block_size_in_real_pymalloc()
    {
        string real = RunPython("""
            bad = []
            for c in range(32):
                size = 16 * (c + 1)
                for b in [malloc(size) for _ in range(2000 // (c + 1))]:
                    off = b % POOL
                    if off < 48 or (off - 48) % size != 0 or off + size > POOL:
                        bad.append((c, off))
            print(len(bad))
            """);

        var model = new PyMalloc();
        int bad = 0;
        for (int c = 0; c < PyMalloc.NB_SMALL_SIZE_CLASSES; c++)
        {
            int size = PyMalloc.BlockSizeOf(c);
            for (int i = 0; i < 2000 / (c + 1); i++)
            {
                int off = (int)(model.Malloc(size) % PyMalloc.POOL_SIZE);
                bad += off < PyMalloc.POOL_OVERHEAD || (off - PyMalloc.POOL_OVERHEAD) % size != 0 || off + size > PyMalloc.POOL_SIZE ? 1 : 0;
            }
        }

        Assert.Equal("0", real);
        Assert.Equal(0, bad);
    }
}
