using System.Collections.Concurrent;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// A uid leased to one run, so that RLIMIT_NPROC counts only that run's processes (the kernel counts
/// tasks per real uid, kernel/fork.c) and "kill everything of this uid" is a safe last resort. The uids
/// come from the range systemd reserves for dynamic users (61184-65519), which no account uses; the
/// group is the <c>playground-sandbox</c> group. A lock file under /run makes the lease hold across
/// server processes (e.g. the test host and a running server).
/// </summary>
internal sealed class RunUid : IDisposable
{
    internal const int DefaultFirstUid = 61184;
    internal const int Count = 256;
    private const string LockDirectory = "/run/playground-sandbox";
    private static readonly ConcurrentDictionary<int, bool> InUse = new();

    // Leases go round the range rather than starting anywhere at random: a uid given back is the last
    // one handed out again, so a process of a finished run that is still being reaped (or a check that
    // looks for one) never meets the next run's processes under the same uid.
    private static int _next = Random.Shared.Next(Count);
    private readonly FileStream? _lock;

    private RunUid(int uid, FileStream? lockFile)
    {
        Uid = uid;
        _lock = lockFile;
    }

    internal int Uid { get; }

    internal static RunUid Lease()
    {
        try
        {
            Directory.CreateDirectory(LockDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        for (var i = 0; i < Count; i++)
        {
            var uid = DefaultFirstUid + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (!InUse.TryAdd(uid, true))
                continue;
            FileStream? lockFile = null;
            try
            {
                lockFile = new FileStream(Path.Combine(LockDirectory, $"uid-{uid}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (Directory.Exists(LockDirectory))
                {
                    InUse.TryRemove(uid, out _);
                    continue;
                }
            }
            // A uid with live processes belongs to a run nobody cleaned up (a crashed server): kill them first.
            Posix.KillUid(uid);
            return new RunUid(uid, lockFile);
        }
        throw new InvalidOperationException($"All {Count} sandbox uids are in use.");
    }

    public void Dispose()
    {
        _lock?.Dispose();
        InUse.TryRemove(Uid, out _);
    }
}
