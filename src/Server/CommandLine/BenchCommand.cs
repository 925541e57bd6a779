using System.Diagnostics;
using System.Globalization;
using System.Text;
using Playground.Engines.Memory;

namespace Playground.Server.CommandLine;

/// <summary>
/// <c>bench</c>: runs issue 3's benchmark scripts in the simulator and in python3 in the same run and prints the
/// ratios (simulator time / CPython time). python3 times the measured part itself with time.perf_counter(); the
/// simulator's collector cost is the time it reports spending in the collector (a stopwatch around each
/// collection, as perf_counter() around gc.collect()). Both sides take the best of three runs, so that a
/// busy machine disturbs the ratio less. Build with -c Release for meaningful figures.
/// </summary>
public sealed class BenchCommand : ICommand
{
    private const string AllocationLoop = "for i in range(1000000):\n    x = [i]\n";
    private const string BuildCycles = "import gc\ngc.disable()\nkeep = []\nfor i in range(500000):\n    a = []\n    b = [a]\n    a.append(b)\n    keep.append(a)\ndel a, b\nkeep = None\n";

    public string Summary => "bench: time the memory simulator against python3 on issue 3's benchmark scripts";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var dir = Directory.CreateTempSubdirectory("playground-bench");
        try
        {
            // python3 times itself with time.perf_counter() around the measured part; the simulator is timed
            // from outside (best of three, after a warm-up run for the JIT).
            var pyLoop = await PythonSecondsAsync(dir, "import time\nt = time.perf_counter()\n" + AllocationLoop + "print(time.perf_counter() - t)\n", cancellationToken);
            SimulatorSeconds(AllocationLoop, cancellationToken);
            var simLoop = Best(() => SimulatorSeconds(AllocationLoop, cancellationToken));
            await Report(stdout, "1. allocate and free 1,000,000 small objects", simLoop, pyLoop, 5);

            var pyCollect = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                pyCollect = Math.Min(pyCollect, await PythonSecondsAsync(dir, BuildCycles + "import time\nt = time.perf_counter()\ngc.collect()\nprint(time.perf_counter() - t)\n", cancellationToken));
            }

            var simCollect = Best(() => CollectorSeconds(BuildCycles + "gc.collect()\n", cancellationToken));
            await Report(stdout, "2. gc.collect() over 1,000,000 objects in cycles", simCollect, pyCollect, 2);

            var script = new StringBuilder();
            for (var i = 0; i < 50; i++)
            {
                script.Append(CultureInfo.InvariantCulture, $"def f{i}(x):\n    y = [x, {i}]\n    return y\nv{i} = f{i}({i})\n");
            }

            var options = new SimulationOptions { MaxSteps = 1 };
            MemorySimulator.Run(script.ToString(), options, cancellationToken);
            var clock = Stopwatch.StartNew();
            MemorySimulator.Run(script.ToString(), options, cancellationToken);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"3. source to first step, 200-line script: {clock.Elapsed.TotalMilliseconds:0.0} ms (target < 50 ms)"));
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static Task Report(TextWriter stdout, string name, double simulator, double python, double target) =>
        stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name}: simulator {simulator:0.000} s, python3 {python:0.000} s, ratio {simulator / Math.Max(python, 1e-6):0.00}x (target <= {target}x)"));

    private static double Best(Func<double> measure) => Enumerable.Range(0, 3).Min(_ => measure());

    private static double SimulatorSeconds(string source, CancellationToken cancellationToken)
    {
        var options = SimulationOptions.Unlimited();
        options.RecordTrace = false;
        var clock = Stopwatch.StartNew();
        MemorySimulator.Run(source, options, cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    private static double CollectorSeconds(string source, CancellationToken cancellationToken)
    {
        var options = SimulationOptions.Unlimited();
        options.RecordTrace = false;
        return MemorySimulator.Run(source, options, cancellationToken).CollectorTime.TotalSeconds;
    }

    private static async Task<double> PythonSecondsAsync(DirectoryInfo dir, string source, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dir.FullName, "bench.py");
        await File.WriteAllTextAsync(path, source, cancellationToken);
        var psi = new ProcessStartInfo("python3", path) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
