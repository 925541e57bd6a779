using System.Globalization;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// The cgroups of one run: one group per hierarchy (v2 and each writable v1 controller), named after the
/// run. The launcher writes its own pid into every <c>cgroup.procs</c> before it execs the sandbox, so
/// every descendant is born inside (no race with a fast fork). The group is how the run is killed
/// (v2 <c>cgroup.kill</c>; v1: SIGKILL every pid of <c>cgroup.procs</c> until it is empty; pids.max
/// keeps a fork bomb from outrunning that loop) and how limits hits are known afterwards
/// (<c>pids.events</c> "max", memory <c>oom_kill</c>).
/// </summary>
internal sealed class RunCgroup
{
    private const long CpuPeriodMicroseconds = 100_000;
    private readonly List<string> _directories = [];

    private RunCgroup(string name) => Name = name;

    internal string Name { get; }

    internal string? V2Directory { get; private set; }

    internal Dictionary<string, string> V1Directories { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<string> V2Controllers { get; private set; } = [];

    /// <summary>The cgroup.procs files the launcher joins.</summary>
    internal IEnumerable<string> ProcsFiles => _directories.Select(d => Path.Combine(d, "cgroup.procs"));

    internal static RunCgroup Create(SandboxCapabilities capabilities, SandboxLimits limits, string name)
    {
        var group = new RunCgroup(name);
        // Each cgroup.procs the launcher joins costs an RCU grace period (cgroup_threadgroup_rwsem is taken
        // for writing, kernel/cgroup/cgroup.c), about 2 ms on the run's way to its first event. A v2 group
        // with no controller only adds cgroup.kill, and v1 pids (pids.max bounding the kill loop) kills the
        // tree as surely: then it is left out.
        var v2KillOnly = capabilities.CgroupV2Controllers.Count == 0;
        if (capabilities.CgroupV2Path is { } v2 && !(v2KillOnly && capabilities.CgroupV1Paths.ContainsKey("pids")))
        {
            var dir = Path.Combine(v2, name);
            if (TryCreate(dir))
            {
                group.V2Directory = dir;
                group._directories.Add(dir);
                var controllers = new List<string>();
                if (capabilities.CgroupV2Controllers.Contains("pids") &&
                    CgroupHierarchy.TryWrite(Path.Combine(dir, "pids.max"), limits.MaxProcesses.ToString(CultureInfo.InvariantCulture)))
                    controllers.Add("pids");
                if (capabilities.CgroupV2Controllers.Contains("memory") &&
                    CgroupHierarchy.TryWrite(Path.Combine(dir, "memory.max"), limits.MemoryBytes.ToString(CultureInfo.InvariantCulture)))
                {
                    CgroupHierarchy.TryWrite(Path.Combine(dir, "memory.swap.max"), "0");
                    controllers.Add("memory");
                }
                if (capabilities.CgroupV2Controllers.Contains("cpu") &&
                    CgroupHierarchy.TryWrite(Path.Combine(dir, "cpu.max"), $"{Quota(limits)} {CpuPeriodMicroseconds}"))
                    controllers.Add("cpu");
                group.V2Controllers = controllers;
            }
        }
        foreach (var (controller, parent) in capabilities.CgroupV1Paths)
        {
            var dir = Path.Combine(parent, name);
            if (!TryCreate(dir))
                continue;
            group._directories.Add(dir);
            var limited = controller switch
            {
                "pids" => CgroupHierarchy.TryWrite(Path.Combine(dir, "pids.max"), limits.MaxProcesses.ToString(CultureInfo.InvariantCulture)),
                "memory" => CgroupHierarchy.TryWrite(Path.Combine(dir, "memory.limit_in_bytes"), limits.MemoryBytes.ToString(CultureInfo.InvariantCulture))
                            // memsw exists only with swap accounting; without swap the first limit is the whole story.
                            && (CgroupHierarchy.TryWrite(Path.Combine(dir, "memory.memsw.limit_in_bytes"), limits.MemoryBytes.ToString(CultureInfo.InvariantCulture)) || true),
                "cpu" => CgroupHierarchy.TryWrite(Path.Combine(dir, "cpu.cfs_period_us"), CpuPeriodMicroseconds.ToString(CultureInfo.InvariantCulture))
                         && CgroupHierarchy.TryWrite(Path.Combine(dir, "cpu.cfs_quota_us"), Quota(limits).ToString(CultureInfo.InvariantCulture)),
                _ => false,
            };
            if (limited)
                group.V1Directories[controller] = dir;
        }
        return group;
    }

    /// <summary>Every pid in the run's groups now.</summary>
    internal HashSet<int> Pids()
    {
        var pids = new HashSet<int>();
        foreach (var file in ProcsFiles)
            foreach (var word in CgroupHierarchy.ReadWords(file))
                if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                    pids.Add(pid);
        return pids;
    }

    /// <summary>SIGKILLs every process in the groups; returns how many were still there.</summary>
    internal int KillAll()
    {
        if (V2Directory is { } v2)
            CgroupHierarchy.TryWrite(Path.Combine(v2, "cgroup.kill"), "1");
        var killed = 0;
        for (var round = 0; round < 50; round++)
        {
            var pids = Pids();
            if (pids.Count == 0)
                break;
            foreach (var pid in pids)
                if (Posix.Kill(pid, Posix.SIGKILL))
                    killed++;
        }
        return killed;
    }

    internal bool ProcessLimitHit =>
        EventCount("pids", "pids.events", "max") > 0;

    internal bool MemoryLimitHit =>
        (V1Directories.TryGetValue("memory", out var v1) && ReadKey(Path.Combine(v1, "memory.oom_control"), "oom_kill") > 0) ||
        (V2Directory is { } v2 && V2Controllers.Contains("memory") && ReadKey(Path.Combine(v2, "memory.events"), "oom_kill") > 0);

    /// <summary>True when a group (any hierarchy: each cgroup.procs lists every process of the run) exists.</summary>
    internal bool CanKill => _directories.Count > 0;

    internal bool HasMemoryLimit => V1Directories.ContainsKey("memory") || V2Controllers.Contains("memory");

    internal bool HasProcessLimit => V1Directories.ContainsKey("pids") || V2Controllers.Contains("pids");

    /// <summary>Removes the groups (they must be empty: call after <see cref="KillAll"/>); retries while the last exits are reaped.</summary>
    internal async Task RemoveAsync()
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var left = _directories.Where(Directory.Exists).ToList();
            if (left.Count == 0)
                return;
            foreach (var dir in left)
                CgroupHierarchy.TryRemove(dir);
            if (_directories.Any(Directory.Exists))
            {
                KillAll();
                await Task.Delay(25);
            }
        }
    }

    private long EventCount(string controller, string file, string key)
    {
        long count = 0;
        if (V1Directories.TryGetValue(controller, out var v1))
            count += ReadKey(Path.Combine(v1, file), key);
        if (V2Directory is { } v2 && V2Controllers.Contains(controller))
            count += ReadKey(Path.Combine(v2, file), key);
        return count;
    }

    private static long ReadKey(string path, string key)
    {
        try
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var value))
                    return value;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private static long Quota(SandboxLimits limits) => (long)Math.Max(1000, limits.CpuCores * CpuPeriodMicroseconds);

    private static bool TryCreate(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
