using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using Playground.Engines.Processes.Events;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes.Runs;

/// <summary>
/// One run in progress: its validated events as they come, and at the end a <see cref="RunSummary"/>.
/// Every process's connection is read by a task of its own; lines are parsed as untrusted input, capped
/// in count and rate, and passed on in arrival order. Whatever happens, the sandbox kills the whole
/// process tree when the run ends, and the scratch directory is removed.
/// </summary>
public sealed class ProcessRun : IAsyncDisposable
{
    private const int KeptDropReasons = 5;

    private readonly SandboxedProcess _process;
    private readonly Socket _listener;
    private readonly string _scratch;
    private readonly ProcessRunOptions _options;
    private readonly Channel<ProcessEvent> _events = Channel.CreateUnbounded<ProcessEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private readonly List<string> _dropReasons = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _passed;
    private long _dropped;
    private long _windowStart;
    private long _inWindow;

    internal ProcessRun(SandboxedProcess process, Socket listener, string scratch, ProcessRunOptions options)
    {
        _process = process;
        _listener = listener;
        _scratch = scratch;
        _options = options;
        Completion = RunAsync();
    }

    /// <summary>The run's events, in the order they reached the server.</summary>
    public ChannelReader<ProcessEvent> Events => _events.Reader;

    /// <summary>How the run ended; completes after the last event has been written.</summary>
    public Task<RunSummary> Completion { get; }

    /// <summary>Stops the run at once ("killed by the user"): every process of it is killed.</summary>
    public async Task StopAsync() => await _process.KillTreeAsync(SandboxKillReason.KilledByUser);

    private async Task<RunSummary> RunAsync()
    {
        var accepting = AcceptAsync(_stop.Token);
        var draining = DrainOutputAsync(_stop.Token);
        SandboxReport report;
        try
        {
            report = await _process.WaitForExitAsync(CancellationToken.None);
        }
        finally
        {
            // Every process is dead now, so every connection is at its end: read what is left, then stop.
            _listener.Dispose();
            await accepting;
            Task[] readers;
            lock (_readers)
            {
                readers = [.. _readers];
            }

            await Task.WhenAny(Task.WhenAll(readers), Task.Delay(TimeSpan.FromSeconds(2)));
            await _stop.CancelAsync();
            await draining;
            _events.Writer.TryComplete();
            ProcessRunner.TryDelete(_scratch);
        }

        lock (_gate)
        {
            return new RunSummary(report.Summary, report.ExitCode, report.Layers.Describe(), _passed, _dropped,
                [.. _dropReasons], Math.Round(report.WallTime.TotalSeconds, 3), report.Survivors);
        }
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            lock (_readers)
            {
                if (_readers.Count >= _options.MaxConnections)
                {
                    connection.Dispose();
                    Drop("too many connections to the event socket");
                    continue;
                }

                _readers.Add(ReadConnectionAsync(connection, cancellationToken));
            }
        }
    }

    private async Task ReadConnectionAsync(Socket connection, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(connection, ownsSocket: true);
        var reader = new BoundedLineReader(stream, _options.MaxEventLineBytes);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.TooLong)
                {
                    Drop($"an event line over {_options.MaxEventLineBytes} bytes");
                }
                else if (ProcessEventParser.TryParse(line.Line.Span, out var parsed, out var error))
                {
                    Pass(parsed!);
                }
                else
                {
                    Drop(error!);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The process died or the run was stopped: its connection simply ends.
        }
    }

    /// <summary>The sandbox's own copy of stdout/stderr is read only to keep its output cap counting.</summary>
    private async Task DrainOutputAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in _process.ReadOutputAsync(cancellationToken))
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Pass(ProcessEvent e)
    {
        lock (_gate)
        {
            var second = _clock.ElapsedMilliseconds / 1000;
            if (second != _windowStart)
            {
                _windowStart = second;
                _inWindow = 0;
            }

            if (_passed >= _options.MaxEvents)
            {
                DropLocked($"more than {_options.MaxEvents:N0} events in one run");
                return;
            }

            if (++_inWindow > _options.MaxEventsPerSecond)
            {
                DropLocked($"more than {_options.MaxEventsPerSecond:N0} events in one second");
                return;
            }

            _passed++;
            _events.Writer.TryWrite(e);
        }
    }

    private void Drop(string reason)
    {
        lock (_gate)
        {
            DropLocked(reason);
        }
    }

    private void DropLocked(string reason)
    {
        _dropped++;
        if (_dropReasons.Count < KeptDropReasons && !_dropReasons.Contains(reason))
        {
            _dropReasons.Add(reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            await StopAsync();
        }

        await Completion;
        await _process.DisposeAsync();
        _stop.Dispose();
    }
}
