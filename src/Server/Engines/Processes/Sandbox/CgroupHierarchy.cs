namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// Finds the cgroup hierarchies in /proc/self/mountinfo and tries to create a group under each
/// (Documentation/admin-guide/cgroup-v2.rst, cgroup-v1/). On a hybrid host (this one) v1 holds pids,
/// memory and cpu while v2 has no controllers but still offers <c>cgroup.kill</c>; on a pure v2 host
/// the controllers are enabled through <c>cgroup.subtree_control</c>.
/// </summary>
internal static class CgroupHierarchy
{
    internal static (string? Path, IReadOnlyList<string> Controllers) ProbeV2(List<string> notes)
    {
        var mount = Mounts().FirstOrDefault(m => m.FsType == "cgroup2").MountPoint;
        if (mount is null)
            return (null, []);
        var parent = Path.Combine(mount, SandboxCapabilities.CgroupParentName);
        var probe = Path.Combine(parent, "probe-" + Environment.ProcessId);
        try
        {
            Directory.CreateDirectory(parent);
            var wanted = SandboxCapabilities.WantedControllers;
            var available = ReadWords(Path.Combine(mount, "cgroup.controllers")).Intersect(wanted).ToList();
            foreach (var controller in available)
            {
                TryWrite(Path.Combine(mount, "cgroup.subtree_control"), "+" + controller);
                TryWrite(Path.Combine(parent, "cgroup.subtree_control"), "+" + controller);
            }
            Directory.CreateDirectory(probe);
            if (!File.Exists(Path.Combine(probe, "cgroup.kill")))
            {
                notes.Add("cgroup v2 has no cgroup.kill (Linux < 5.14)");
                return (null, []);
            }
            var enabled = ReadWords(Path.Combine(probe, "cgroup.controllers")).Intersect(wanted).ToList();
            return (parent, enabled);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notes.Add("cgroup v2 is not writable: " + e.Message);
            return (null, []);
        }
        finally
        {
            TryRemove(probe);
        }
    }

    internal static IReadOnlyDictionary<string, string> ProbeV1(IReadOnlyList<string> controllers, List<string> notes)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mountPoint, fsType, superOptions) in Mounts())
        {
            if (fsType != "cgroup")
                continue;
            var options = superOptions.Split(',');
            foreach (var controller in controllers)
            {
                if (!options.Contains(controller) || found.ContainsKey(controller))
                    continue;
                var parent = Path.Combine(mountPoint, SandboxCapabilities.CgroupParentName);
                var probe = Path.Combine(parent, "probe-" + Environment.ProcessId);
                try
                {
                    Directory.CreateDirectory(parent);
                    Directory.CreateDirectory(probe);
                    if (File.Exists(Path.Combine(probe, "cgroup.procs")))
                        found[controller] = parent;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    notes.Add($"cgroup v1 {controller} is not writable: {e.Message}");
                }
                finally
                {
                    TryRemove(probe);
                }
            }
        }
        return found;
    }

    internal static IEnumerable<(string MountPoint, string FsType, string SuperOptions)> Mounts()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/mountinfo");
        }
        catch (IOException)
        {
            yield break;
        }
        foreach (var line in lines)
        {
            // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue" (proc(5))
            var halves = line.Split(" - ", 2);
            if (halves.Length != 2)
                continue;
            var left = halves[0].Split(' ');
            var right = halves[1].Split(' ');
            if (left.Length < 5 || right.Length < 3)
                continue;
            yield return (left[4].Replace("\\040", " ", StringComparison.Ordinal), right[0], right[2]);
        }
    }

    internal static IEnumerable<string> ReadWords(string path)
    {
        try
        {
            return File.ReadAllText(path).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    internal static bool TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static bool TryRemove(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
