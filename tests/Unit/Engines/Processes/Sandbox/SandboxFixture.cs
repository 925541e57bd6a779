using Xunit;
using Playground.Engines.Processes.Sandbox;

namespace Playground.Tests.Unit.Engines.Processes.Sandbox;

/// <summary>
/// One sandbox for the test class (capabilities are probed once) and scratch directories that are
/// removed afterwards. Scripts come from the test output folder (Hostile/ and Scripts/).
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    // Short: without a mount namespace the scratch directory is TMPDIR, and multiprocessing's forkserver
    // socket (TMPDIR/pymp-XXXXXXXX/listener-XXXXXXXX) must fit AF_UNIX's 108-byte sun_path.
    private readonly string _root = Path.Combine("/tmp", "pgsbx-" + Guid.NewGuid().ToString("N")[..8]);

    public Playground.Engines.Processes.Sandbox.Sandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        Sandbox = await Playground.Engines.Processes.Sandbox.Sandbox.CreateAsync();
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Limits for the positive runs: the defaults (which must leave room for a Pool(16) and its helpers) with a
    /// longer wall time, because the test machine is shared and a spawn Pool(16) may wait seconds for a core.
    /// </summary>
    public static SandboxLimits PositiveLimits() => new() { WallTime = TimeSpan.FromSeconds(30) };

    /// <summary>Copies a script into a fresh scratch directory and returns the request that runs it.</summary>
    public SandboxRequest Prepare(string folder, string script, SandboxLimits? limits = null, params string[] arguments) =>
        Prepare(Sandbox, folder, script, limits, arguments);

    /// <summary>Copies a script into a fresh scratch directory and returns the request that runs it in <paramref name="sandbox"/>.</summary>
    public SandboxRequest Prepare(Playground.Engines.Processes.Sandbox.Sandbox sandbox, string folder, string script, SandboxLimits? limits, params string[] arguments)
    {
        var scratch = Path.Combine(_root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Engines", "Processes", "Sandbox", folder, script), Path.Combine(scratch, script));
        var request = new SandboxRequest([], scratch, Limits: limits ?? PositiveLimits());
        return request with { Arguments = [sandbox.GuestPath(request, Path.Combine(scratch, script)), .. arguments] };
    }

    /// <summary>Copies a script into a fresh scratch directory and runs it to the end.</summary>
    public Task<SandboxRun> RunScriptAsync(string folder, string script, SandboxLimits? limits = null, params string[] arguments) =>
        RunScriptAsync(Sandbox, folder, script, limits, arguments);

    /// <summary>Copies a script into a fresh scratch directory and runs it to the end in <paramref name="sandbox"/>.</summary>
    public async Task<SandboxRun> RunScriptAsync(Playground.Engines.Processes.Sandbox.Sandbox sandbox, string folder, string script, SandboxLimits? limits, params string[] arguments)
    {
        var request = Prepare(sandbox, folder, script, limits, arguments);
        await using var process = await sandbox.StartAsync(request, CancellationToken.None);
        var lines = new List<SandboxOutputLine>();
        await foreach (var line in process.ReadOutputAsync(CancellationToken.None))
            lines.Add(line);
        var report = await process.WaitForExitAsync(CancellationToken.None);
        return new SandboxRun(process.Name, process.Uid, report, lines, RunProcesses.Alive(process.Name, process.Uid), request.ScratchDirectory);
    }
}

/// <summary>What a test sees of a finished run, including the processes of the run still alive after it.</summary>
public sealed record SandboxRun(string Name, int? Uid, SandboxReport Report, IReadOnlyList<SandboxOutputLine> Lines, IReadOnlyList<int> AliveAfter, string ScratchDirectory)
{
    public IEnumerable<string> Stdout => Lines.Where(l => l.Stream == SandboxStream.Stdout).Select(l => l.Text);

    public string StderrText => string.Join('\n', Lines.Where(l => l.Stream == SandboxStream.Stderr).Select(l => l.Text));
}

/// <summary>Scans /proc for any process of a run: its uid, or the run's marker in its environment or cgroup.</summary>
public static class RunProcesses
{
    public static IReadOnlyList<int> Alive(string runName, int? uid)
    {
        var alive = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var status = File.ReadAllText(Path.Combine(dir, "status"));
                if (status.Contains("State:\tZ", StringComparison.Ordinal))
                    continue;
                var uidLine = status.Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                var realUid = int.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
                var environ = File.ReadAllText(Path.Combine(dir, "environ"));
                var cgroup = File.ReadAllText(Path.Combine(dir, "cgroup"));
                // A uid goes back to the pool when its run ends, so a process of that uid inside another
                // run's cgroup belongs to the later run that leased it, not to this one.
                var otherRun = cgroup.Contains($"/{SandboxCapabilities.CgroupParentName}/run-", StringComparison.Ordinal)
                    && !cgroup.Contains(runName, StringComparison.Ordinal);
                if ((uid is not null && realUid == uid && !otherRun) || environ.Contains(runName, StringComparison.Ordinal) || cgroup.Contains(runName, StringComparison.Ordinal))
                    alive.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return alive;
    }

    /// <summary>What a failing check prints about the processes it found: pid, state, uid, command line and cgroup.</summary>
    public static string Describe(IEnumerable<int> pids) => string.Join("; ", pids.Select(pid =>
    {
        try
        {
            var dir = $"/proc/{pid}";
            var status = File.ReadAllLines(Path.Combine(dir, "status"));
            string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
            var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            var cgroup = File.ReadAllText(Path.Combine(dir, "cgroup")).Replace('\n', ' ').Trim();
            return $"{pid} [{Field("State:")}, uid {Field("Uid:")}, ppid {Field("PPid:")}] {cmdline} (cgroup {cgroup})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{pid} (gone)";
        }
    }));
}

/// <summary>
/// The sandbox test classes run one after the other: the hostile corpus saturates the two cores on purpose,
/// and a positive run beside it would measure the machine's load rather than the sandbox. The collection
/// also runs alone, after the parallel ones: every other class that starts python3 (and leases a uid, and
/// checks a wall clock) would otherwise run beside the corpus's fork bombs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxCollection
{
    public const string Name = "Sandbox";
}
