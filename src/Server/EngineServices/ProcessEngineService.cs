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
    public const int MaxBatch = 2_000;

    public async IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
        await using var run = await runner.StartAsync(new ProcessRunRequest(source ?? string.Empty, StartMethod: startMethod), cancellationToken);
        using var cancel = cancellationToken.Register(() => _ = run.CancelAsync());
        var batches = Channel.CreateBounded<ProcessRunUpdate>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var pump = PumpAsync(run, batches.Writer);
        await foreach (var update in batches.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return update;
        }

        await pump;
    }

    /// <summary>
    /// Sends what has arrived as one batch, then waits <see cref="BatchInterval"/> before the next, so a
    /// quiet run's events go out at once and a chatty one's at most twenty times a second.
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
                await Task.Delay(BatchInterval);
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
}
