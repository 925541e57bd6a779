using System.Diagnostics;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// Starts programs (python3 on a student's script) inside the strongest isolation the machine offers:
/// bubblewrap namespaces (no network, read-only system, private /tmp, /dev/shm and /proc), the run's
/// own cgroups and uid, and rlimits always. See <see cref="SandboxCommandLine"/> for the launcher chain
/// and <see cref="SandboxedProcess"/> for the run's life and its final kill.
/// </summary>
public sealed class Sandbox
{
    /// <summary>Where the request's scratch directory appears inside (read-only) when the mount namespace is in force.</summary>
    public const string GuestScratchDirectory = "/sandbox";

    /// <summary>The environment variable that marks every process of a run with the run's name.</summary>
    public const string RunMarkerVariable = "PLAYGROUND_SANDBOX_RUN";

    private readonly SandboxLimits _limits;

    public Sandbox(SandboxCapabilities capabilities, SandboxLimits limits)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Capabilities = capabilities;
        _limits = limits;
    }

    public SandboxCapabilities Capabilities { get; }

    /// <summary>The configured limits (a request may bring its own).</summary>
    public SandboxLimits Limits => _limits.Clone();

    /// <summary>A sandbox with the machine's capabilities (probed once per process) and the given limits.</summary>
    public static async Task<Sandbox> CreateAsync(SandboxLimits? limits = null) =>
        new(await SandboxCapabilities.DetectOnceAsync(), limits ?? new SandboxLimits());

    /// <summary>True when runs get their own mount namespace (the scratch directory is then at <see cref="GuestScratchDirectory"/>).</summary>
    public bool UsesMountNamespace => Capabilities.Bubblewrap;

    /// <summary>
    /// The path a process inside sees for <paramref name="hostPath"/>: paths in the scratch directory move to
    /// <see cref="GuestScratchDirectory"/>, read-only paths keep their place.
    /// </summary>
    public string GuestPath(SandboxRequest request, string hostPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scratch = Path.GetFullPath(request.ScratchDirectory).TrimEnd('/');
        var full = Path.GetFullPath(hostPath);
        if (!UsesMountNamespace)
            return full;
        if (full == scratch)
            return GuestScratchDirectory;
        return full.StartsWith(scratch + "/", StringComparison.Ordinal)
            ? GuestScratchDirectory + full[scratch.Length..]
            : full;
    }

    /// <summary>The whole environment of a run before the request's additions: nothing of the server's.</summary>
    public IReadOnlyDictionary<string, string> BaseEnvironment(string tempDirectory) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PATH"] = $"{Capabilities.PythonPrefix}/bin:/usr/local/bin:/usr/bin:/bin",
        ["HOME"] = tempDirectory,
        ["TMPDIR"] = tempDirectory,
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
        ["PYTHONUNBUFFERED"] = "1",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONNOUSERSITE"] = "1",
    };

    /// <summary>
    /// Starts the run. The wall-time clock starts now; when it runs out, or the output limit is passed, the
    /// whole tree is killed. Dispose the result (or await its exit) to be sure nothing of it survives.
    /// </summary>
    public async Task<SandboxedProcess> StartAsync(SandboxRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        var limits = (request.Limits ?? _limits).Clone();
        limits.Validate();
        if (!Directory.Exists(request.ScratchDirectory))
            throw new DirectoryNotFoundException($"The scratch directory {request.ScratchDirectory} does not exist.");

        var useBubblewrap = Capabilities.Bubblewrap;
        var executable = request.Executable ?? Capabilities.PythonExecutable;
        var separateUser = Capabilities.SeparateUser && (useBubblewrap || ReachableByOthers(executable));
        if (!useBubblewrap && Capabilities.IsRoot && !separateUser)
        {
            // Without a pid namespace or a uid of its own, a script running as root could signal the server
            // (kill(-1, SIGKILL)) and read every file: better no run than that.
            throw new InvalidOperationException(
                $"The sandbox refuses to run {executable} as root without namespaces: install bubblewrap, or put python3 where other users can reach it so the run gets its own uid.");
        }
        var uid = separateUser ? RunUid.Lease() : null;
        var name = $"run-{uid?.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "shared"}-{Guid.NewGuid():N}"[..24];
        RunCgroup? cgroup = null;
        try
        {
            cgroup = RunCgroup.Create(Capabilities, limits, name);
            if (uid is not null)
                Posix.ChownTree(request.ScratchDirectory, uid.Uid, Capabilities.SandboxGroupId);

            var plan = SandboxCommandLine.Build(Capabilities, request, limits, cgroup, uid?.Uid, useBubblewrap);
            var temp = useBubblewrap ? "/tmp" : plan.GuestScratch;
            var start = new ProcessStartInfo(plan.FileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetFullPath(request.ScratchDirectory),
            };
            foreach (var argument in plan.Arguments)
                start.ArgumentList.Add(argument);
            start.Environment.Clear();
            foreach (var (key, value) in BaseEnvironment(temp))
                start.Environment[key] = value;
            foreach (var (key, value) in request.Environment ?? new Dictionary<string, string>())
                start.Environment[key] = value;
            start.Environment[RunMarkerVariable] = name;

            var process = new Process { StartInfo = start };
            await LauncherThread.StartAsync(process);
            return new SandboxedProcess(name, process, plan.Layers, limits, cgroup, uid);
        }
        catch
        {
            if (cgroup is not null)
            {
                cgroup.KillAll();
                await cgroup.RemoveAsync();
            }
            uid?.Dispose();
            throw;
        }
    }

    /// <summary>True when every directory above <paramref name="path"/> lets other users through (o+x).</summary>
    internal static bool ReachableByOthers(string path)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        while (!string.IsNullOrEmpty(dir))
        {
            if (!File.GetUnixFileMode(dir).HasFlag(UnixFileMode.OtherExecute))
                return false;
            dir = Path.GetDirectoryName(dir);
        }
        return true;
    }
}
