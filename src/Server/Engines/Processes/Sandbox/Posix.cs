using System.Globalization;
using System.Runtime.InteropServices;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>The few POSIX calls .NET does not expose: kill(2) on any pid or process group, and /proc scans.</summary>
internal static partial class Posix
{
    internal const int SIGKILL = 9;
    internal const int SIGTERM = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysKill(int pid, int signal);

    [DllImport("libc", EntryPoint = "lchown", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysLchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int uid, int gid);

    /// <summary>Gives a directory tree (not following links) to the run's uid, so its sockets can be connected to.</summary>
    internal static void ChownTree(string root, int uid, int gid)
    {
        var failures = SysLchown(root, uid, gid) != 0 ? 1 : 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            failures += SysLchown(entry, uid, gid) != 0 ? 1 : 0;
        if (failures > 0)
            throw new IOException($"Could not give {failures} entries of {root} to uid {uid}.");
    }

    /// <summary>kill(2); pid &lt; 0 is a process group. True when the signal was delivered.</summary>
    internal static bool Kill(int pid, int signal) => pid != 0 && pid != -1 && SysKill(pid, signal) == 0;

    /// <summary>The pids of all processes whose real uid is <paramref name="uid"/>.</summary>
    internal static List<int> ProcessesOfUid(int uid)
    {
        var found = new List<int>();
        foreach (var pid in AllPids())
        {
            if (RealUid(pid) == uid && !IsZombie(pid))
                found.Add(pid);
        }
        return found;
    }

    internal static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                yield return pid;
    }

    internal static int? RealUid(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return null;
    }

    /// <summary>
    /// The pids whose environment holds <paramref name="entry"/> ("NAME=value"). The last handle on a run that
    /// has neither its own uid nor a cgroup: a setsid daemon leaves the process group but keeps its environment.
    /// </summary>
    internal static List<int> ProcessesWithEnvironment(string entry)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(entry + "\0");
        var found = new List<int>();
        foreach (var pid in AllPids())
        {
            try
            {
                var environ = File.ReadAllBytes($"/proc/{pid}/environ");
                if (environ.AsSpan().IndexOf(needle) >= 0 && !IsZombie(pid))
                    found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    /// <summary>A zombie has exited already; it only waits for its parent (or the pid namespace's init) to reap it.</summary>
    internal static bool IsZombie(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("State:", StringComparison.Ordinal))
                    return line.Contains('Z', StringComparison.Ordinal) || line.Contains('X', StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
        return false;
    }

    /// <summary>Kills every process of <paramref name="uid"/> until none is left (bounded); returns how many signals were sent.</summary>
    internal static int KillUid(int uid)
    {
        var sent = 0;
        for (var round = 0; round < 50; round++)
        {
            var pids = ProcessesOfUid(uid);
            if (pids.Count == 0)
                break;
            foreach (var pid in pids)
                if (Kill(pid, SIGKILL))
                    sent++;
        }
        return sent;
    }
}
