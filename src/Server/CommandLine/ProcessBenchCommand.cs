using System.Diagnostics;
using System.Globalization;
using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Server.CommandLine;

/// <summary>
/// <c>bench-processes</c>: issue 4's benchmark, measured against a baseline in the same run.
/// (1) From the run request to the first event, against a bare <c>python3 -c pass</c> started by this
/// process (median of several runs each, after a warm-up): the difference is what the sandbox and the
/// instrumentation add. (2) Events per second from one worker to the event consumer: a worker does
/// <c>v.value += 1</c> in a loop (a value.read and a value.write per turn) and the rate is the number of
/// its events over the time between the first and the last one reaching the consumer. The run's caps on
/// events and time are lifted for (2) so that it measures the pipeline, not the caps.
/// </summary>
public sealed class ProcessBenchCommand : ICommand
{
    private const int LatencyRuns = 15;
    private const int Increments = 100_000;

    private static readonly string FloodScript = string.Create(CultureInfo.InvariantCulture, $"""
        from multiprocessing import Process, Value

        def work(v):
            for _ in range({Increments}):
                v.value += 1

        if __name__ == "__main__":
            v = Value("i", 0)
            p = Process(target=work, args=(v,))
            p.start()
            p.join()
            print(v.value)
        """);

    public string Summary => "bench-processes: time to the first event vs python3 -c pass, and events per second from a worker";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var configuration = ProcessEngineConfiguration.Load();
            var sandbox = await SandboxRunner.CreateAsync(configuration.Limits);
            var runner = new ProcessRunner(sandbox, configuration.Options);

            // The baseline is the interpreter the sandbox runs, not whatever "python3" on PATH is (a pyenv
            // shim, for one, is a shell script that costs more than the interpreter itself).
            var python = sandbox.Capabilities.PythonExecutable;
            await BarePythonAsync(python, cancellationToken);
            await FirstEventAsync(runner, cancellationToken);
            // interleaved, so that a slower stretch of the machine weighs on both sides alike
            var bareSamples = new List<double>();
            var firstSamples = new List<double>();
            for (var i = 0; i < LatencyRuns; i++)
            {
                bareSamples.Add(await BarePythonAsync(python, cancellationToken));
                firstSamples.Add(await FirstEventAsync(runner, cancellationToken));
            }
            var bare = Median(bareSamples);
            var first = Median(firstSamples);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"1. run request to first event: {first:0.0} ms; bare {Path.GetFileName(python)} -c pass: {bare:0.0} ms; " +
                $"difference {first - bare:+0.0;-0.0} ms (target within 30 ms); sandbox: {sandbox.Capabilities.Describe()}"));

            var unlimited = new ProcessRunOptions
            {
                MaxEvents = 10 * Increments,
                MaxEventsPerSecond = int.MaxValue,
                InstrumentationDirectory = configuration.Options.InstrumentationDirectory,
            };
            var roomyLimits = configuration.Limits.Clone();
            roomyLimits.WallTime = TimeSpan.FromMinutes(2);
            roomyLimits.CpuSeconds = 120;
            var roomy = await SandboxRunner.CreateAsync(roomyLimits);
            var (events, seconds) = await FloodAsync(new ProcessRunner(roomy, unlimited), cancellationToken);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"2. events from a worker to the consumer: {events:N0} in {seconds:0.000} s = {events / seconds:N0} events/s (target at least 50,000/s)"));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            await stderr.WriteLineAsync($"bench-processes: the runner failed: {e.Message}");
            return 1;
        }
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    /// <summary>Milliseconds from Process.Start to the exit of <c>python3 -c pass</c>.</summary>
    private static async Task<double> BarePythonAsync(string python, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(python, ["-c", "pass"]) { UseShellExecute = false })!;
        await process.WaitForExitAsync(cancellationToken);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Milliseconds from the run request to the first event of a one-line script.</summary>
    private static async Task<double> FirstEventAsync(ProcessRunner runner, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var run = await runner.StartAsync(new ProcessRunRequest("pass\n"), cancellationToken);
        double? first = null;
        await foreach (var _ in run.Events.WithCancellation(cancellationToken))
            first ??= clock.Elapsed.TotalMilliseconds;
        await run.Result;
        return first ?? throw new InvalidOperationException("The run sent no event.");
    }

    private static async Task<(long Events, double Seconds)> FloodAsync(ProcessRunner runner, CancellationToken cancellationToken)
    {
        await using var run = await runner.StartAsync(new ProcessRunRequest(FloodScript), cancellationToken);
        var clock = Stopwatch.StartNew();
        long count = 0;
        double firstAt = 0, lastAt = 0;
        await foreach (var e in run.Events.WithCancellation(cancellationToken))
        {
            if (e.Kind is not (ProcessEventKinds.ValueRead or ProcessEventKinds.ValueWrite))
                continue;
            if (count++ == 0)
                firstAt = clock.Elapsed.TotalSeconds;
            lastAt = clock.Elapsed.TotalSeconds;
        }

        var result = await run.Result;
        if (count < 2 * Increments)
            throw new InvalidOperationException($"only {count} of {2 * Increments} value events arrived ({result.Summary}).");
        return (count, lastAt - firstAt);
    }
}
