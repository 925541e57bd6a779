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
    /// one go: its .NET is interpreted, 25-250 µs per event to read and fold depending on the machine and
    /// on how warm the interpreter is, so thousands at once would hold the page for many frames. A page
    /// that asks for events (<see cref="RunAsync(string, string?, ChannelReader{int}?, CancellationToken)"/>)
    /// gets no more than it asked for: a batch goes out only when the page has room for it, so a flood
    /// reaches a slow page later than it happened, at the pace the page folds it, but never freezes it.
    /// A caller that does not ask gets full batches paced <see cref="FullBatchInterval"/> apart; a partial
    /// batch waits <see cref="BatchInterval"/> either way.
    /// </summary>
    public const int MaxBatch = 100;

    public static readonly TimeSpan FullBatchInterval = TimeSpan.FromMilliseconds(20);

    public IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, CancellationToken cancellationToken = default) =>
        RunAsync(source, startMethod, null, cancellationToken);

    public IAsyncEnumerable<ProcessRunUpdate> RunInStepModeAsync(string source, string? startMethod, CancellationToken cancellationToken = default) =>
        RunInStepModeAsync(source, startMethod, null, cancellationToken);

    /// <summary>
    /// The run as a page that folds events slower than they may come asks for it: each number that
    /// <paramref name="wanted"/> gives is how many more events the page has room for (it sends one when it
    /// has folded a batch), and no batch goes out beyond them.
    /// </summary>
    public IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, ChannelReader<int>? wanted, CancellationToken cancellationToken = default) =>
        RunAsync(new ProcessRunRequest(source ?? string.Empty, StartMethod: startMethod), wanted, cancellationToken);

    public IAsyncEnumerable<ProcessRunUpdate> RunInStepModeAsync(string source, string? startMethod, ChannelReader<int>? wanted, CancellationToken cancellationToken = default) =>
        RunAsync(new ProcessRunRequest(source ?? string.Empty, StepMode: true, StartMethod: startMethod), wanted, cancellationToken);

    public Task<bool> GrantStepAsync(int pid, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.ActiveRuns.TryGetValue(SessionKey, out var run) && run.Grant(pid));

    public Task LeaveStepModeAsync(int? pid, CancellationToken cancellationToken = default)
    {
        if (host.ActiveRuns.TryGetValue(SessionKey, out var run))
            run.LeaveStepMode(pid);
        return Task.CompletedTask;
    }

    private async IAsyncEnumerable<ProcessRunUpdate> RunAsync(ProcessRunRequest request, ChannelReader<int>? wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
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
        var pump = PumpAsync(run, batches.Writer, wanted is null ? null : new Room(wanted, cancellationToken));
        await foreach (var update in batches.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return update;
        }

        await pump;
    }

    /// <summary>
    /// Sends what has arrived as one batch; after a partial batch it waits <see cref="BatchInterval"/>
    /// before the next, so a quiet run's events go out at once and a trickle costs at most twenty messages
    /// a second. After a full one it waits for the page's <paramref name="room"/>, or without one
    /// <see cref="FullBatchInterval"/>.
    /// </summary>
    private static async Task PumpAsync(ProcessRun run, ChannelWriter<ProcessRunUpdate> output, Room? room)
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
                var size = room is null ? MaxBatch : await room.WaitAsync();
                var batch = new List<ProcessEvent>();
                while (batch.Count < size && arrived.Reader.TryRead(out var e))
                {
                    batch.Add(e);
                }

                room?.Take(batch.Count);
                await output.WriteAsync(new ProcessRunUpdate(batch, null));
                if (batch.Count < size)
                {
                    await Task.Delay(BatchInterval);
                }
                else if (room is null)
                {
                    await Task.Delay(FullBatchInterval);
                }
            }

            await reading;
            await output.WriteAsync(new ProcessRunUpdate([], await run.Result));
        }
        finally
        {
            output.TryComplete();
        }
    }

    /// <summary>
    /// How many more events the page has room for: what it asked for on its stream of wants, less what was
    /// sent. A page whose wants have ended (completed, failed or cancelled: it has gone) has room for
    /// everything, so the run's end, and its slot, are never held up by it.
    /// </summary>
    private sealed class Room(ChannelReader<int> wanted, CancellationToken cancellationToken)
    {
        private long _room;
        private bool _open = true;

        /// <summary>Waits until there is room for at least one event, and says for how many (at most a full batch).</summary>
        public async Task<int> WaitAsync()
        {
            while (true)
            {
                while (wanted.TryRead(out var more))
                {
                    _room += Math.Max(0, more);
                }

                if (!_open)
                {
                    return MaxBatch;
                }

                if (_room > 0)
                {
                    return (int)Math.Min(_room, MaxBatch);
                }

                var waiting = wanted.WaitToReadAsync(cancellationToken).AsTask();
                await ((Task)waiting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                _open = waiting.IsCompletedSuccessfully && waiting.Result;
            }
        }

        public void Take(int sent) => _room -= sent;
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
