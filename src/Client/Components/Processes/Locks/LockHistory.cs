using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Locks;

/// <summary>
/// Every Lock, RLock, Semaphore and BoundedSemaphore of a run (multiprocessing/synchronize.py, all SemLock
/// underneath): who holds it now, who waits in acquire(), and the number of holders after each change, which
/// for a Semaphore(n) is how far its count has moved from n.
/// </summary>
public sealed class LockHistory
{
    private readonly Dictionary<string, LockTrack> _locks = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LockTrack> Locks => _locks.Values;

    public void Apply(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind == ProcessEventKinds.ProcessExit)
        {
            foreach (var track in _locks.Values)
            {
                track.Waiters.Remove(e.Pid);
            }

            return;
        }

        if (e.Kind is not (ProcessEventKinds.LockRequested or ProcessEventKinds.LockAcquired or ProcessEventKinds.LockReleased or ProcessEventKinds.LockTimeout)
            || e.Text("lock") is not { } name)
        {
            return;
        }

        if (!_locks.TryGetValue(name, out var lockTrack))
        {
            _locks[name] = lockTrack = new LockTrack(name, e.Text("type") ?? name.Split('-')[0]);
        }

        switch (e.Kind)
        {
            case ProcessEventKinds.LockRequested:
                lockTrack.Waiters[e.Pid] = e.Name;
                break;
            case ProcessEventKinds.LockTimeout:
                lockTrack.Waiters.Remove(e.Pid);
                break;
            case ProcessEventKinds.LockAcquired:
                lockTrack.Waiters.Remove(e.Pid);
                lockTrack.Holders.Add((e.Pid, e.Name));
                lockTrack.Acquisitions++;
                lockTrack.Changes.Add(new LockChange(e.Timestamp, e.Pid, e.Name, true, lockTrack.Holders.Count));
                break;
            case ProcessEventKinds.LockReleased:
                // a Semaphore may be released by a process that did not acquire it: then the oldest holder goes
                var held = lockTrack.Holders.FindIndex(h => h.Pid == e.Pid);
                if (held < 0 && lockTrack.Holders.Count > 0)
                {
                    held = 0;
                }

                if (held >= 0)
                {
                    lockTrack.Holders.RemoveAt(held);
                }

                lockTrack.Changes.Add(new LockChange(e.Timestamp, e.Pid, e.Name, false, lockTrack.Holders.Count));
                break;
        }
    }
}

/// <summary>One lock or semaphore: its holders (an RLock's owner once per level), its waiters, its changes.</summary>
public sealed class LockTrack(string name, string type)
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public List<(int Pid, string Name)> Holders { get; } = [];

    public Dictionary<int, string> Waiters { get; } = [];

    public List<LockChange> Changes { get; } = [];

    public int Acquisitions { get; set; }

    /// <summary>The most holders at once (1 for a Lock used correctly; up to n for a Semaphore(n)).</summary>
    public int MostHolders => Changes.Count == 0 ? 0 : Changes.Max(c => c.Holders);
}

/// <summary>An acquire or a release, and how many held the lock after it.</summary>
public sealed record LockChange(double Timestamp, int Pid, string Name, bool Acquired, int Holders);
