using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes;

/// <summary>
/// One run of a student's script: the sandboxed python3 tree, the AF_UNIX listener its processes report
/// to (one connection per process, opened after fork or spawn), the validated event stream, the deadlock
/// watch and, in step mode, the grants. Created by <see cref="ProcessRunner.StartAsync"/>.
/// </summary>
public sealed class ProcessRun : IAsyncDisposable
{
    private static readonly byte[] GrantLine = "\n"u8.ToArray();

    /// <summary>How long a deadlock verdict must hold, with nothing received, before the run is stopped.</summary>
    private static readonly TimeSpan ConfirmDeadlockAfter = TimeSpan.FromMilliseconds(200);

    private readonly ProcessRunOptions _options;
    private readonly Socket _listener;
    private readonly string _scratch;
    private readonly Channel<ProcessEvent> _events = Channel.CreateBounded<ProcessEvent>(new BoundedChannelOptions(8192) { SingleReader = true });
    private readonly ConcurrentDictionary<int, Socket> _connections = new();
    private readonly ConcurrentBag<Task> _readers = [];
    private readonly DeadlockDetector _detector = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, int> _dropReasons = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private SandboxedProcess? _process;
    private long _received, _dropped, _windowStart, _windowCount, _pendingWrites;
    private readonly HashSet<int> _waitingForGrant = [];
    private readonly HashSet<int> _runsFree = [];
    private bool _allRunFree;
    private int _mainPid;
    private long _mainSequence;
    private ProcessEvent? _mainExit;
    private WaitForGraph? _deadlock;
    private Task<RunResult>? _result;

    internal ProcessRun(ProcessRunOptions options, Socket listener, string scratch)
    {
        _options = options;
        _listener = listener;
        _scratch = scratch;
    }

    /// <summary>The validated events, in the order the server received them, until the run ends.</summary>
    public IAsyncEnumerable<ProcessEvent> Events => _events.Reader.ReadAllAsync();

    /// <summary>How the run ended; completes after the last event.</summary>
    public Task<RunResult> Result => _result ?? throw new InvalidOperationException("The run has not started.");

    /// <summary>
    /// Step mode: lets process <paramref name="pid"/> do the operation its pending <c>step.wait</c> names.
    /// False when that process is not waiting for a grant (already granted, not connected, gone): a second
    /// click must not grant the step after the one the student saw.
    /// </summary>
    public bool Grant(int pid)
    {
        lock (_gate)
        {
            if (!_waitingForGrant.Remove(pid))
                return false;
        }
        return SendGrant(pid);
    }

    /// <summary>
    /// Step mode off for process <paramref name="pid"/>, or for every process (also those started later)
    /// when null: its pending step and all its next ones are granted as they come, here, without a round
    /// trip to the page. How a student lets a run finish after stepping through the part that matters.
    /// </summary>
    public void LeaveStepMode(int? pid)
    {
        List<int> pending;
        lock (_gate)
        {
            if (pid is { } one)
                _runsFree.Add(one);
            else
                _allRunFree = true;
            pending = _waitingForGrant.Where(p => pid is null || p == pid).ToList();
            _waitingForGrant.ExceptWith(pending);
        }
        foreach (var p in pending)
            SendGrant(p);
    }

    private bool SendGrant(int pid)
    {
        if (!_connections.TryGetValue(pid, out var socket))
            return false;
        try
        {
            socket.Send(GrantLine);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Stops the run: the whole process tree is killed ("killed by the user").</summary>
    public async Task CancelAsync()
    {
        if (_process is { } process)
            await process.KillTreeAsync(SandboxKillReason.KilledByUser);
    }

    internal void Begin(SandboxedProcess process)
    {
        _process = process;
        _ = AcceptAsync();
        _ = DrainOutputAsync(process);
        _ = WatchDeadlockAsync(process);
        _result = FinishAsync(process);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var connection = await _listener.AcceptAsync(_stop.Token);
                _readers.Add(Task.Run(() => ReadAsync(connection)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ReadAsync(Socket connection)
    {
        var buffer = new byte[64 * 1024];
        int filled = 0, pid = 0;
        var skipping = false;
        try
        {
            while (true)
            {
                var n = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token);
                if (n == 0)
                    break;
                filled += n;
                var start = 0;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
                {
                    if (!skipping)
                        pid = await AcceptLineAsync(buffer.AsMemory(start, newline - start), connection, pid);
                    skipping = false;
                    start = newline + 1;
                }
                Array.Copy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.Length)
                {
                    // a line longer than the buffer: drop it whole, up to its newline
                    Drop("line longer than 64 KiB");
                    skipping = true;
                    filled = 0;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or ChannelClosedException)
        {
        }
        finally
        {
            if (pid != 0)
                _connections.TryRemove(new KeyValuePair<int, Socket>(pid, connection));
            connection.Dispose();
        }
    }

    private async ValueTask<int> AcceptLineAsync(ReadOnlyMemory<byte> line, Socket connection, int pid)
    {
        var e = EventLineParser.Parse(line.Span, out var error);
        if (e is null)
        {
            Drop(error ?? "malformed");
            return pid;
        }

        if (pid == 0)
        {
            pid = e.Pid;
            _connections[pid] = connection;
        }
        else if (e.Pid != pid)
        {
            Drop("pid differs from the connection's process");
            return pid;
        }

        var now = Stopwatch.GetTimestamp();
        var freeStep = false;
        lock (_gate)
        {
            if (Stopwatch.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _windowCount = 0;
            }
            if (++_windowCount > _options.MaxEventsPerSecond)
            {
                Drop($"more than {_options.MaxEventsPerSecond} events per second");
                return pid;
            }
            _received++;
            _detector.Observe(e, now);
            if (e.Kind == ProcessEventKinds.ProcessRun && e.Text("main") == "true")
                _mainPid = e.Pid;
            if (e.Pid == _mainPid)
                _mainSequence = Math.Max(_mainSequence, e.Sequence);
            if (e.Kind == ProcessEventKinds.ProcessExit && e.Pid == _mainPid && e.Integer("exitcode") is null)
            {
                // sent from atexit, before python3 knows its exit status: held back until the runner does
                _mainExit = e;
                return pid;
            }
            if (e.Kind == ProcessEventKinds.StepWait)
            {
                if (_allRunFree || _runsFree.Contains(pid))
                    freeStep = true;
                else
                    _waitingForGrant.Add(pid);
            }
            else
            {
                _waitingForGrant.Remove(pid);
            }
        }

        if (freeStep)
        {
            SendGrant(pid);
            return pid;
        }

        if (_received > _options.MaxEvents && _process is { } process)
        {
            await process.KillTreeAsync(SandboxKillReason.EventLimit);
            return pid;
        }

        // while a reader waits for the consumer, processes may sit in sendall() with news the detector lacks
        Interlocked.Increment(ref _pendingWrites);
        try
        {
            await _events.Writer.WriteAsync(e, _stop.Token);
        }
        finally
        {
            Interlocked.Decrement(ref _pendingWrites);
        }
        return pid;
    }

    private void Drop(string reason)
    {
        Interlocked.Increment(ref _dropped);
        _dropReasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    private static async Task DrainOutputAsync(SandboxedProcess process)
    {
        // The page's output comes from `output` events (tagged per process); the raw streams are only
        // drained here so the sandbox can count them against the output limit.
        try
        {
            await foreach (var _ in process.ReadOutputAsync(CancellationToken.None))
            {
            }
        }
        catch (ChannelClosedException)
        {
        }
    }

    private async Task WatchDeadlockAsync(SandboxedProcess process)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var (graph, received) = CheckDeadlock();
                if (graph is null)
                    continue;
                // On a loaded server the readers may not have run for a while: events sitting in the
                // sockets, or read and not yet handled, would say the run still moves. Look again after
                // a pause in which they can run; any event received meanwhile clears the verdict.
                await Task.Delay(ConfirmDeadlockAfter, _stop.Token);
                var (again, receivedAgain) = CheckDeadlock();
                if (again is not null && receivedAgain == received)
                {
                    _deadlock = again;
                    await process.KillTreeAsync(SandboxKillReason.Deadlock);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private (WaitForGraph? Graph, long Received) CheckDeadlock()
    {
        lock (_gate)
        {
            var graph = Interlocked.Read(ref _pendingWrites) > 0 || UnreadEvents() ? null : _detector.Check(Stopwatch.GetTimestamp(), _options.DeadlockAfter);
            return (graph, _received);
        }
    }

    private bool UnreadEvents()
    {
        foreach (var socket in _connections.Values)
        {
            try
            {
                if (socket.Available > 0)
                    return true;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
        return false;
    }

    private async Task<RunResult> FinishAsync(SandboxedProcess process)
    {
        var report = await process.WaitForExitAsync(CancellationToken.None);
        // every process of the tree is dead: their connections reach end-of-file; give the readers a moment
        await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(1)), WhenReadersDoneAsync());
        await _stop.CancelAsync();
        await WriteMainExitAsync(report);
        _events.Writer.TryComplete();
        var ending = report.Ending switch
        {
            SandboxEnding.Exited => RunEnding.Finished,
            SandboxEnding.Signaled => RunEnding.Signaled,
            SandboxEnding.TimedOut => RunEnding.TimedOut,
            SandboxEnding.MemoryLimit => RunEnding.MemoryLimit,
            SandboxEnding.ProcessLimit => RunEnding.ProcessLimit,
            SandboxEnding.CpuTimeLimit => RunEnding.CpuTimeLimit,
            SandboxEnding.OutputTruncated => RunEnding.OutputTruncated,
            _ => report.KillReason switch
            {
                SandboxKillReason.Deadlock => RunEnding.Deadlock,
                SandboxKillReason.EventLimit => RunEnding.EventLimit,
                _ => RunEnding.KilledByUser,
            },
        };
        var summary = report.Summary;
        if (ending == RunEnding.Deadlock && _deadlock is { } graph)
            summary += ": " + graph.Describe();
        if (_dropped > 0)
            summary += _dropped == 1 ? "; 1 malformed or excess event dropped" : $"; {_dropped} malformed or excess events dropped";
        return new RunResult(ending, summary, report.ExitCode, _received, _dropped,
            _dropReasons.Select(r => $"{r.Key} ({r.Value})").ToList(), _deadlock, report.Layers.Describe(), report.WallTime)
        {
            LayersInWords = report.Layers.InWords(),
        };
    }

    /// <summary>
    /// The main process's <c>process.exit</c> with python3's exit status, which only the runner knows
    /// (Python's atexit handlers run before Py_Exit picks the status; Python/pylifecycle.c). A death by
    /// signal N reads -N, as multiprocessing's Process.exitcode does. A main process killed before its
    /// atexit handlers ran gets the event from the runner alone.
    /// </summary>
    private async Task WriteMainExitAsync(SandboxReport report)
    {
        if (_mainPid == 0)
            return;
        var exitcode = report.ExitCode ?? -report.Signal;
        var data = new Dictionary<string, JsonElement>(_mainExit?.Data ?? new Dictionary<string, JsonElement>(), StringComparer.Ordinal)
        {
            ["exitcode"] = JsonSerializer.SerializeToElement(exitcode),
        };
        if (_mainExit is null)
            data["reported_by"] = JsonSerializer.SerializeToElement("runner");
        var exit = _mainExit is { } held
            ? held with { Data = data }
            : new ProcessEvent(ProcessEventKinds.ProcessExit, _mainPid, "MainProcess",
                Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency, _mainSequence + 1, data);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _events.Writer.WriteAsync(exit, timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WhenReadersDoneAsync()
    {
        while (!_readers.IsEmpty && !_readers.All(t => t.IsCompleted))
            await Task.Delay(20);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (_result is { IsCompleted: false })
                await process.KillTreeAsync(SandboxKillReason.Shutdown);
            if (_result is not null)
                await _result;
            await process.DisposeAsync();
        }
        await _stop.CancelAsync();
        _listener.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
