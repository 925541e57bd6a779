using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Server.EngineServices;

/// <summary>
/// The process engine as the pages see it. Events are passed on in batches (at most every
/// <see cref="BatchInterval"/> or <see cref="MaxBatch"/> events) so that a chatty run costs few SignalR
/// messages; the sandbox is detected once per server.
/// </summary>
public sealed class ProcessEngineService(ProcessEngineHost host) : IProcessEngineService
{
    /// <summary>
    /// Who asks, for the run queue's one-run-per-session rule: the hub sets its connection; a page that
    /// runs on the server keeps this service for its circuit, so the default key is per circuit.
    /// </summary>
    public string SessionKey { get; set; } = "circuit:" + Guid.NewGuid().ToString("N");

    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A batch is one SignalR message, and a page in WebAssembly reads the messages that have arrived in
    /// one go: its .NET is interpreted, some 25 µs per event to read and fold, so thousands at once would
    /// hold the page for many frames. Full batches are paced <see cref="FullBatchInterval"/> apart (about
    /// 7,500 events a second, what such a page keeps up with), so a flood reaches the page a little later
    /// than it happened but never freezes it; a partial batch waits <see cref="BatchInterval"/>.
    /// </summary>
    public const int MaxBatch = 100;

    public static readonly TimeSpan FullBatchInterval = TimeSpan.FromMilliseconds(20);

    public IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, CancellationToken cancellationToken = default) =>
        RunAsync(new ProcessRunRequest(source ?? string.Empty, StartMethod: startMethod), cancellationToken);

    public IAsyncEnumerable<ProcessRunUpdate> RunInStepModeAsync(string source, string? startMethod, CancellationToken cancellationToken = default) =>
        RunAsync(new ProcessRunRequest(source ?? string.Empty, StepMode: true, StartMethod: startMethod), cancellationToken);

    public Task<bool> GrantStepAsync(int pid, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.ActiveRuns.TryGetValue(SessionKey, out var run) && run.Grant(pid));

    public Task LeaveStepModeAsync(int? pid, CancellationToken cancellationToken = default)
    {
        if (host.ActiveRuns.TryGetValue(SessionKey, out var run))
            run.LeaveStepMode(pid);
        return Task.CompletedTask;
    }

    private async IAsyncEnumerable<ProcessRunUpdate> RunAsync(ProcessRunRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var runner = await host.GetRunnerAsync();
        var places = Channel.CreateUnbounded<int>();
        var entering = host.Queue.EnterAsync(SessionKey, place => places.Writer.TryWrite(place), cancellationToken);
        while (!entering.IsCompleted)
        {
            var next = places.Reader.WaitToReadAsync(cancellationToken).AsTask();
            await Task.WhenAny(entering, next);
            while (places.Reader.TryRead(out var place))
            {
                if (place > 0)
                {
                    yield return new ProcessRunUpdate([], null, place);
                }
            }
        }

        using var slot = await entering;
        await using var run = await runner.StartAsync(request, cancellationToken);
        using var cancel = cancellationToken.Register(() => _ = run.CancelAsync());
        using var registration = host.Register(SessionKey, run);
        var batches = Channel.CreateBounded<ProcessRunUpdate>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var pump = PumpAsync(run, batches.Writer);
        await foreach (var update in batches.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return update;
        }

        await pump;
    }

    /// <summary>
    /// Sends what has arrived as one batch; after a partial batch it waits <see cref="BatchInterval"/>
    /// before the next, so a quiet run's events go out at once and a trickle costs at most twenty messages
    /// a second; after a full one <see cref="FullBatchInterval"/>.
    /// </summary>
    private static async Task PumpAsync(ProcessRun run, ChannelWriter<ProcessRunUpdate> output)
    {
        var arrived = Channel.CreateUnbounded<ProcessEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in run.Events)
                {
                    arrived.Writer.TryWrite(e);
                }
            }
            finally
            {
                arrived.Writer.TryComplete();
            }
        });
        try
        {
            while (await arrived.Reader.WaitToReadAsync())
            {
                var batch = new List<ProcessEvent>();
                while (batch.Count < MaxBatch && arrived.Reader.TryRead(out var e))
                {
                    batch.Add(e);
                }

                await output.WriteAsync(new ProcessRunUpdate(batch, null));
                await Task.Delay(batch.Count < MaxBatch ? BatchInterval : FullBatchInterval);
            }

            await reading;
            await output.WriteAsync(new ProcessRunUpdate([], await run.Result));
        }
        finally
        {
            output.TryComplete();
        }
    }
}

/// <summary>One sandbox and runner per server, made on first use (finding what isolation the machine offers takes a moment).</summary>
public sealed class ProcessEngineHost(IOptions<SandboxLimits> limits, IOptions<ProcessRunOptions> options)
{
    /// <summary>At most one run per core at a time, one per session; the rest wait in line.</summary>
    public RunQueue Queue { get; } = new(options.Value.MaxConcurrentRuns);

    private readonly Lazy<Task<ProcessRunner>> _runner = new(async () =>
        new ProcessRunner(await SandboxRunner.CreateAsync(limits.Value), options.Value));

    public Task<ProcessRunner> GetRunnerAsync() => _runner.Value;

    /// <summary>The run of each session (one at most, the queue sees to it), for the calls that reach a run after its start: step grants.</summary>
    public ConcurrentDictionary<string, ProcessRun> ActiveRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="run"/> the session's run until the returned handle is disposed.</summary>
    public IDisposable Register(string sessionKey, ProcessRun run)
    {
        ActiveRuns[sessionKey] = run;
        return new Registration(() => ActiveRuns.TryRemove(new KeyValuePair<string, ProcessRun>(sessionKey, run)));
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
