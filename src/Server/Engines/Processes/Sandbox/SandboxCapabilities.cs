namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// What isolation this machine offers, found by trying each layer once (never by guessing from the
/// distribution): a container usually refuses namespaces, a VM with root allows everything.
/// <list type="bullet">
/// <item>bubblewrap: a real sandbox is started (pid, net, ipc, uts and mount namespaces, /proc, /dev).</item>
/// <item><c>unshare -Urn</c>: user + net namespaces for an unprivileged caller.</item>
/// <item>cgroup v2: a child group can be created; <c>cgroup.kill</c> (Linux 5.14) kills a whole group at once.</item>
/// <item>cgroup v1: pids, memory and cpu hierarchies where a child group can be created.</item>
/// <item>a separate user: the server is root and <c>setpriv</c> exists, so each run gets its own uid.</item>
/// <item>rlimits: <c>prlimit</c> (util-linux) exists.</item>
/// </list>
/// </summary>
public sealed record SandboxCapabilities(
    bool IsRoot,
    string? BubblewrapPath,
    bool Bubblewrap,
    bool UnshareUserNet,
    string? CgroupV2Path,
    IReadOnlyList<string> CgroupV2Controllers,
    IReadOnlyDictionary<string, string> CgroupV1Paths,
    string? SetprivPath,
    bool SeparateUser,
    int SandboxGroupId,
    string? PrlimitPath,
    string PythonExecutable,
    string PythonPrefix,
    IReadOnlyList<string> Notes)
{
    /// <summary>Name of the account (and group) the install script creates for sandboxed runs.</summary>
    public const string SandboxUserName = "playground-sandbox";

    /// <summary>The cgroup every run's group lives under, in each hierarchy.</summary>
    public const string CgroupParentName = "playground-sandbox";

    /// <summary>The v1 controllers the sandbox limits runs with.</summary>
    public static readonly IReadOnlyList<string> WantedControllers = ["pids", "memory", "cpu"];

    private static readonly Lazy<Task<SandboxCapabilities>> Detected = new(() => DetectAsync("python3", CancellationToken.None));

    /// <summary>True when rlimits can be applied (always on Debian: prlimit is in util-linux).</summary>
    public bool Rlimits => PrlimitPath is not null;

    /// <summary>True when a cgroup (v1 pids or v2) can track and kill every process of a run.</summary>
    public bool CgroupKill => CgroupV2Path is not null || CgroupV1Paths.ContainsKey("pids");

    /// <summary>The machine's capabilities, probed once per server process.</summary>
    public static Task<SandboxCapabilities> DetectOnceAsync() => Detected.Value;

    /// <summary>The capabilities in words, for the log at start-up and for the command line.</summary>
    public string Describe()
    {
        var v1 = CgroupV1Paths.Count > 0 ? string.Join(", ", CgroupV1Paths.Keys.Order(StringComparer.Ordinal)) : "none";
        var v2 = CgroupV2Path is null ? "not writable" : CgroupV2Controllers.Count > 0 ? string.Join(", ", CgroupV2Controllers) : "kill only";
        return $"bubblewrap: {(Bubblewrap ? "yes" : "no")}; unshare -Urn: {(UnshareUserNet ? "yes" : "no")}; cgroup v2: {v2}; cgroup v1: {v1}; " +
               $"separate user: {(SeparateUser ? "yes" : "no")}; rlimits: {(Rlimits ? "yes" : "no")}; python: {PythonExecutable}";
    }

    /// <summary>Probes the machine. Takes a few hundred milliseconds: call it once (see <see cref="DetectOnceAsync"/>).</summary>
    public static async Task<SandboxCapabilities> DetectAsync(string python, CancellationToken ct)
    {
        var notes = new List<string>();
        var isRoot = Environment.UserName == "root" || GetEuid() == 0;

        var (pythonExecutable, pythonPrefix, pythonVersion) = await DetectPythonAsync(python, ct);

        var bwrap = HostCommand.Which("bwrap");
        var bubblewrap = false;
        if (bwrap is not null)
        {
            string[] probe = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
                              "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"];
            if (!isRoot)
                probe = ["--unshare-user", .. probe];
            // A machine busy enough can make one probe time out: a server must not settle for weaker
            // isolation for its whole life because of that, so it asks up to three times.
            for (var attempt = 0; attempt < 3 && !bubblewrap; attempt++)
            {
                var result = await HostCommand.RunAsync(bwrap, [.. probe, "/bin/true"], TimeSpan.FromSeconds(10), inheritEnvironment: false, ct);
                bubblewrap = result.ExitCode == 0;
                if (!bubblewrap && attempt == 2)
                    notes.Add("bubblewrap refused: " + result.Stderr.Trim());
            }
        }
        else
        {
            notes.Add("bubblewrap is not installed (scripts/install-sandbox-deps.sh installs it)");
        }

        if (isRoot && !bubblewrap && !Sandbox.ReachableByOthers(pythonExecutable))
        {
            // Without namespaces a root server can only give a run its own uid, and that uid must be able to
            // reach the interpreter. A python3 under /root (pyenv, say) cannot be reached; a system python3 of
            // the same minor version (Debian's /usr/bin/python3) runs the same bytecode and the same
            // multiprocessing, so the playground works on a fresh machine before bubblewrap is installed.
            foreach (var candidate in SystemPythons)
            {
                if (!File.Exists(candidate) || !Sandbox.ReachableByOthers(candidate))
                    continue;
                var (executable, prefix, version) = await DetectPythonAsync(candidate, ct);
                if (version != pythonVersion || !Sandbox.ReachableByOthers(executable))
                    continue;
                notes.Add($"{pythonExecutable} is out of reach of the runs' own uid: runs use {executable} (python {version})");
                (pythonExecutable, pythonPrefix) = (executable, prefix);
                break;
            }
        }

        var unshare = HostCommand.Which("unshare");
        var unshareUserNet = unshare is not null &&
                             (await HostCommand.RunAsync(unshare, ["-Urn", "/bin/true"], TimeSpan.FromSeconds(5), inheritEnvironment: false, ct)).ExitCode == 0;

        var (v2Path, v2Controllers) = CgroupHierarchy.ProbeV2(notes);
        var v1Paths = CgroupHierarchy.ProbeV1(WantedControllers, notes);

        var setpriv = HostCommand.Which("setpriv");
        var separateUser = isRoot && setpriv is not null;
        if (!isRoot)
            notes.Add("the server is not root: runs share its user");
        var groupId = ReadGroupId(SandboxUserName) ?? RunUid.DefaultFirstUid;

        var prlimit = HostCommand.Which("prlimit");
        if (prlimit is null)
            notes.Add("prlimit is missing: no rlimits");

        return new SandboxCapabilities(isRoot, bwrap, bubblewrap, unshareUserNet, v2Path, v2Controllers, v1Paths,
            setpriv, separateUser, groupId, prlimit, pythonExecutable, pythonPrefix, notes);
    }

    /// <summary>Where a distribution keeps its python3, reachable by every user.</summary>
    private static readonly string[] SystemPythons = ["/usr/bin/python3", "/usr/local/bin/python3"];

    private static async Task<(string Executable, string Prefix, string Version)> DetectPythonAsync(string python, CancellationToken ct)
    {
        var path = python.Contains('/') ? python : FindOnServerPath(python) ?? python;
        var result = await HostCommand.RunAsync(path,
            ["-c", "import os,sys;print(os.path.realpath(sys.executable));print(os.path.realpath(sys.base_prefix));print('%d.%d' % sys.version_info[:2])"],
            TimeSpan.FromSeconds(10), inheritEnvironment: true, ct);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (result.ExitCode != 0 || lines.Length < 3)
            throw new InvalidOperationException($"The sandbox cannot find python3 ('{python}'): {result.Stderr.Trim()}");
        return (lines[0], lines[1], lines[2]);
    }

    private static string? FindOnServerPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return HostCommand.Which(name);
    }

    private static int? ReadGroupId(string name)
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/group"))
            {
                var fields = line.Split(':');
                if (fields.Length > 2 && fields[0] == name && int.TryParse(fields[2], out var gid))
                    return gid;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    private static int GetEuid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
        }
        return -1;
    }
}
