using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// One run in the sandbox, from start to the end of its last process. Its output arrives as lines on
/// <see cref="Output"/> (stdout and stderr, capped in bytes); it ends when the main process exits, the
/// wall time runs out, the output limit is passed, or the caller kills it. Whatever the cause, the end is
/// the same: every process of the run is SIGKILLed (cgroup, pid namespace, process group, uid, and as the
/// very last resort the run's marker in /proc/*/environ; see <see cref="KillEverything"/>) and the report
/// counts any survivor.
/// </summary>
public sealed class SandboxedProcess : IAsyncDisposable
{
    private static readonly TimeSpan SurvivorGrace = TimeSpan.FromSeconds(2);
    private readonly Process _process;
    private readonly RunCgroup _cgroup;
    private readonly RunUid? _uid;
    private readonly Channel<SandboxOutputLine> _output = Channel.CreateUnbounded<SandboxOutputLine>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _wallTimer = new();
    private readonly Task<SandboxReport> _completion;
    private readonly Lock _gate = new();
    private readonly int _launcherPid;
    private long _outputBytes;
    private bool _outputTruncated;
    private bool _timedOut;
    private SandboxKillReason? _killReason;
    private bool _sawMemoryError;
    private bool _sawForkFailure;

    internal SandboxedProcess(string name, Process process, SandboxLayers layers, SandboxLimits limits, RunCgroup cgroup, RunUid? uid)
    {
        Name = name;
        _process = process;
        Layers = layers;
        Limits = limits;
        _cgroup = cgroup;
        _uid = uid;
        _launcherPid = process.Id;
        process.StandardInput.Close();
        var stdout = PumpAsync(process.StandardOutput.BaseStream, SandboxStream.Stdout);
        var stderr = PumpAsync(process.StandardError.BaseStream, SandboxStream.Stderr);
        _ = WallClockAsync();
        _completion = CompleteAsync(stdout, stderr);
    }

    /// <summary>The run's name: its cgroup's name and the value of <see cref="Sandbox.RunMarkerVariable"/>.</summary>
    public string Name { get; }

    /// <summary>The layers in force for this run.</summary>
    public SandboxLayers Layers { get; }

    /// <summary>The limits of this run.</summary>
    public SandboxLimits Limits { get; }

    /// <summary>The uid the run's processes have (null when the run shares the server's user).</summary>
    public int? Uid => _uid?.Uid;

    /// <summary>The pid of the launcher (outside any namespace of the run).</summary>
    public int LauncherPid => _launcherPid;

    /// <summary>Time since start.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Lines of stdout and stderr; completes when both pipes are closed (after the final kill).</summary>
    public ChannelReader<SandboxOutputLine> Output => _output.Reader;

    /// <summary>Every output line until the run's pipes close.</summary>
    public IAsyncEnumerable<SandboxOutputLine> ReadOutputAsync(CancellationToken ct) => _output.Reader.ReadAllAsync(ct);

    /// <summary>Waits for the end of the run (and the kill of whatever it left) and returns the report.</summary>
    public Task<SandboxReport> WaitForExitAsync(CancellationToken ct) => _completion.WaitAsync(ct);

    /// <summary>
    /// Kills every process of the run now and returns the report. The first cause wins: killing a run that
    /// already ended changes nothing.
    /// </summary>
    public async Task<SandboxReport> KillTreeAsync(SandboxKillReason reason = SandboxKillReason.KilledByUser)
    {
        lock (_gate)
        {
            if (!_completion.IsCompleted && !_timedOut && !_outputTruncated)
                _killReason ??= reason;
        }
        KillEverything();
        return await _completion;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completion.IsCompleted)
            await KillTreeAsync(SandboxKillReason.Shutdown);
        else
            await _completion;
        _wallTimer.Dispose();
        _process.Dispose();
    }

    private async Task WallClockAsync()
    {
        try
        {
            await Task.Delay(Limits.WallTime, _wallTimer.Token);
            // The timer counts in the system's millisecond ticks and can fire a little before the run's
            // own clock, which the report reads, says the wall time is up (2.998 s of a 3 s limit once):
            // wait out the rest on that clock, so a run is never reported killed before its limit.
            while (_clock.Elapsed < Limits.WallTime)
                await Task.Delay(Limits.WallTime - _clock.Elapsed + TimeSpan.FromMilliseconds(1), _wallTimer.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            if (_killReason is null && !_outputTruncated)
                _timedOut = true;
        }
        KillEverything();
    }

    private async Task PumpAsync(Stream stream, SandboxStream which)
    {
        var buffer = new byte[16 * 1024];
        var line = new MemoryStream();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                    break;
                var total = Interlocked.Add(ref _outputBytes, read);
                var allowed = read;
                if (total > Limits.OutputBytes)
                {
                    allowed = (int)Math.Max(0, read - (total - Limits.OutputBytes));
                    OnOutputLimit();
                }
                for (var i = 0; i < allowed; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        Emit(which, line);
                        continue;
                    }
                    line.WriteByte(buffer[i]);
                    if (line.Length >= Limits.MaxLineLength)
                        Emit(which, line);
                }
                if (allowed < read)
                {
                    // Keep reading (and dropping) until the pipe closes, so no writer blocks before the kill lands.
                    Emit(which, line);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        if (line.Length > 0)
            Emit(which, line);
    }

    private void Emit(SandboxStream which, MemoryStream line)
    {
        if (line.Length == 0 && _outputTruncated)
            return;
        var bytes = line.ToArray();
        line.SetLength(0);
        var text = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
        if (which == SandboxStream.Stderr)
        {
            // Under rlimits alone the kernel does not count limit hits; python's own words are the evidence.
            if (text.StartsWith("MemoryError", StringComparison.Ordinal))
                _sawMemoryError = true;
            if (text.Contains("[Errno 11] Resource temporarily unavailable", StringComparison.Ordinal))
                _sawForkFailure = true;
        }
        _output.Writer.TryWrite(new SandboxOutputLine(which, text, _clock.Elapsed));
    }

    private void OnOutputLimit()
    {
        bool first;
        lock (_gate)
        {
            first = !_outputTruncated;
            if (_killReason is null && !_timedOut)
                _outputTruncated = true;
            else
                first = false;
        }
        if (first)
            KillEverything();
    }

    /// <summary>
    /// SIGKILL for every process of the run, strongest handle first: the cgroup (cgroup.kill, or every pid of
    /// cgroup.procs), the launcher (outer bwrap: its death kills the pid namespace's init through
    /// --die-with-parent, and the kernel then kills every process of the namespace), the launcher's process
    /// group, and every process of the run's uid. SIGTERM is never relied on: a script can ignore it.
    /// </summary>
    private void KillEverything()
    {
        _cgroup.KillAll();
        try
        {
            if (!_process.HasExited)
                Posix.Kill(_launcherPid, Posix.SIGKILL);
        }
        catch (InvalidOperationException)
        {
        }
        Posix.Kill(-_launcherPid, Posix.SIGKILL);
        if (_uid is not null)
            Posix.KillUid(_uid.Uid);
        else if (!_cgroup.CanKill)
            foreach (var pid in Posix.ProcessesWithEnvironment(MarkerEntry))
                Posix.Kill(pid, Posix.SIGKILL);
    }

    private string MarkerEntry => $"{Sandbox.RunMarkerVariable}={Name}";

    private int CountSurvivors()
    {
        var survivors = new HashSet<int>(_cgroup.Pids().Where(p => !Posix.IsZombie(p)));
        if (_uid is not null)
            survivors.UnionWith(Posix.ProcessesOfUid(_uid.Uid));
        survivors.UnionWith(Posix.ProcessesWithEnvironment(MarkerEntry));
        return survivors.Count;
    }

    private async Task<SandboxReport> CompleteAsync(Task stdout, Task stderr)
    {
        await _process.WaitForExitAsync();
        await _wallTimer.CancelAsync();
        var wall = _clock.Elapsed;

        // Whatever ended the main process, nothing of the run may outlive it (setsid daemons, orphans).
        var deadline = Stopwatch.StartNew();
        int survivors;
        do
        {
            KillEverything();
            survivors = CountSurvivors();
            if (survivors == 0)
                break;
            await Task.Delay(20);
        }
        while (deadline.Elapsed < SurvivorGrace);

        // The pipes close when their last holder is gone.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(SurvivorGrace));
        _output.Writer.TryComplete();

        var memoryHit = _cgroup.MemoryLimitHit || _sawMemoryError;
        var processHit = _cgroup.ProcessLimitHit || (!_cgroup.HasProcessLimit && _sawForkFailure);
        await _cgroup.RemoveAsync();
        _uid?.Dispose();

        int? exitCode = _process.ExitCode;
        int? signal = null;
        // bwrap and .NET both report a death by signal N as 128 + N.
        if (exitCode is > 128 and <= 128 + 64)
        {
            signal = exitCode - 128;
            exitCode = null;
        }
        var cpuHit = signal == 24;

        SandboxEnding ending;
        lock (_gate)
        {
            ending = _outputTruncated ? SandboxEnding.OutputTruncated
                : _timedOut ? SandboxEnding.TimedOut
                : _killReason is not null ? SandboxEnding.Killed
                : memoryHit ? SandboxEnding.MemoryLimit
                : processHit ? SandboxEnding.ProcessLimit
                : cpuHit ? SandboxEnding.CpuTimeLimit
                : signal is not null ? SandboxEnding.Signaled
                : SandboxEnding.Exited;
        }
        return new SandboxReport(Layers, ending, exitCode, signal, wall, _timedOut, memoryHit, processHit, cpuHit,
            _outputTruncated, _killReason, Interlocked.Read(ref _outputBytes), survivors, Limits);
    }
}
