using System.Globalization;

namespace Playground.Tests.E2E.Infrastructure;

/// <summary>
/// The processes of one sandboxed run, as the machine's /proc sees them. The sandbox runs each run
/// under its own uid (one of 61184-61439, leased so that no two runs share it: Sandbox/RunUid.cs), so
/// the run's processes are the ones with that effective uid, whoever started them; the script prints
/// it (<see cref="IdentityScript"/>). The cgroup would not do: bubblewrap may show the run its cgroups
/// as the root, which every other process of the machine is in too.
/// </summary>
public sealed class SandboxedRun
{
    /// <summary>Python that prints the run's uid as one console line, "run-identity uid=61333".</summary>
    /// <remarks>No indented block: the editor indents typed lines after a colon by itself.</remarks>
    public const string IdentityScript =
        "import os\n" +
        "print(f'run-identity uid={os.getuid()}', flush=True)\n";

    private readonly int _uid;

    private SandboxedRun(int uid) => _uid = uid;

    /// <summary>Reads the identity line; throws when the run has the tests' own uid, so nothing tells its processes apart.</summary>
    public static SandboxedRun FromIdentityLine(string line)
    {
        var at = line.IndexOf("uid=", StringComparison.Ordinal);
        var uid = at < 0 ? throw new FormatException($"'{line}' has no uid=") : int.Parse(line[(at + 4)..].Trim(), CultureInfo.InvariantCulture);
        return uid == EffectiveUid("/proc/self")
            ? throw new InvalidOperationException($"the run has the tests' own uid {uid}: the sandbox has no separate user here, and its processes cannot be told apart")
            : new SandboxedRun(uid);
    }

    /// <summary>The pids and command lines of every live process with the run's uid, now (zombies and kernel threads left out).</summary>
    public IReadOnlyList<string> LiveProcesses()
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (EffectiveUid(dir) != _uid || IsZombie(dir))
                {
                    continue;
                }

                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Length > 0)
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (IOException)
            {
                // the process ended while it was read
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }

        return found;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the run's last process to go; returns those still there.</summary>
    public async Task<IReadOnlyList<string>> WaitUntilGoneAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var left = LiveProcesses();
        while (left.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            left = LiveProcesses();
        }

        return left;
    }

    /// <summary>"Uid:\treal\teffective\tsaved\tfs": the effective uid is the one setpriv --reuid sets.</summary>
    private static int EffectiveUid(string dir)
    {
        var uidLine = File.ReadLines(Path.Combine(dir, "status")).First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }

    /// <summary>A zombie has ended and waits only for its parent to read its status: it runs nothing.</summary>
    private static bool IsZombie(string dir) =>
        File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal)) is not { } state
        || state.Contains('Z', StringComparison.Ordinal);
}
