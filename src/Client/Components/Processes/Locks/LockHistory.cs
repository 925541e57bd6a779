using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Locks;

/// <summary>
/// Every Lock, RLock, Semaphore and BoundedSemaphore of a run (multiprocessing/synchronize.py, all SemLock
/// underneath): who holds it now, who waits in acquire(), and the number of holders after each change, which
/// for a Semaphore(n) is how far its count has moved from n.
/// Each process sends its events down its own pipe, so one process's release can arrive after another's
/// acquire that followed it; the changes are kept in timestamp order (one monotonic clock for the whole
/// machine) and their holder counts recounted from the first change that arrived late.
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
                track.EndWait(e.Pid, e.Timestamp);
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
            _locks[name] = lockTrack = new LockTrack(name, e.Text("type") ?? ResourceName.Split(name).Kind);
        }

        switch (e.Kind)
        {
            case ProcessEventKinds.LockRequested:
                lockTrack.Waiters[e.Pid] = e.Name;
                lockTrack.BeginWait(e.Pid, e.Name, e.Timestamp);
                break;
            case ProcessEventKinds.LockTimeout:
                lockTrack.Waiters.Remove(e.Pid);
                lockTrack.EndWait(e.Pid, e.Timestamp);
                break;
            case ProcessEventKinds.LockAcquired:
                lockTrack.Waiters.Remove(e.Pid);
                lockTrack.EndWait(e.Pid, e.Timestamp);
                lockTrack.Holders.Add((e.Pid, e.Name));
                lockTrack.Acquisitions++;
                lockTrack.Record(new LockChange(e.Timestamp, e.Pid, e.Name, true, 0));
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

                lockTrack.Record(new LockChange(e.Timestamp, e.Pid, e.Name, false, 0));
                break;
        }
    }
}

/// <summary>One lock or semaphore: its holders (an RLock's owner once per level), its waiters, its changes.</summary>
public sealed class LockTrack(string name, string type)
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    /// <summary>The name without its type in front ("a" for "Lock-a", beside the type in bold), or the whole name.</summary>
    public string ShortName => ResourceName.Split(Name) is var (kind, name) && kind == Type && name.Length > 0 ? name : Name;

    public List<(int Pid, string Name)> Holders { get; } = [];

    public Dictionary<int, string> Waiters { get; } = [];

    private readonly List<LockChange> _changes = [];
    private readonly List<LockWait> _waits = [];

    /// <summary>Where in <see cref="_waits"/> each waiting process's open waits are (two threads of one process may both wait).</summary>
    private readonly Dictionary<int, List<int>> _openWaits = [];

    /// <summary>The most holders at once up to and including each change (kept beside <see cref="_changes"/>).</summary>
    private readonly List<int> _mostUpTo = [];

    /// <summary>The first change whose holder count is stale (a change arrived late before it); Count when none is.</summary>
    private int _staleFrom;

    /// <summary>The acquires and releases in timestamp order, each with the number of holders after it.</summary>
    public IReadOnlyList<LockChange> Changes
    {
        get
        {
            Recount();
            return _changes;
        }
    }

    public int Acquisitions { get; set; }

    /// <summary>The most holders at once (1 for a Lock used correctly; up to n for a Semaphore(n)).</summary>
    /// <remarks>Read every frame of a live run: kept as a running maximum beside the changes, recounted with them.</remarks>
    public int MostHolders => Changes.Count == 0 ? 0 : _mostUpTo[^1];

    /// <summary>Opens a wait in acquire(); a process waits for one lock at a time.</summary>
    public void BeginWait(int pid, string name, double at)
    {
        if (!_openWaits.TryGetValue(pid, out var open))
        {
            _openWaits[pid] = open = [];
        }

        open.Add(_waits.Count);
        _waits.Add(new LockWait(pid, name, at, null));
    }

    /// <summary>Closes the process's open wait, if any (it got the lock, timed out or exited).</summary>
    public void EndWait(int pid, double at)
    {
        if (_openWaits.TryGetValue(pid, out var open) && open.Count > 0)
        {
            var last = open[^1];
            open.RemoveAt(open.Count - 1);
            _waits[last] = _waits[last] with { Until = Math.Max(at, _waits[last].Since) };
        }
    }

    /// <summary>Who held the lock at <paramref name="time"/>: the changes up to then, replayed in timestamp order.</summary>
    public IReadOnlyList<(int Pid, string Name)> HoldersAt(double time)
    {
        var holders = new List<(int Pid, string Name)>();
        foreach (var change in _changes.Take(ChangesUntil(time)))
        {
            if (change.Acquired)
            {
                holders.Add((change.Pid, change.Name));
                continue;
            }

            var held = holders.FindIndex(h => h.Pid == change.Pid);
            if (held < 0 && holders.Count > 0)
            {
                held = 0;
            }

            if (held >= 0)
            {
                holders.RemoveAt(held);
            }
        }

        return holders;
    }

    /// <summary>Who waited in acquire() at <paramref name="time"/>.</summary>
    public IReadOnlyList<string> WaitersAt(double time) =>
        [.. _waits.Where(w => w.Since <= time && (w.Until is null || w.Until > time)).Select(w => w.Name)];

    /// <summary>The acquisitions made by <paramref name="time"/>.</summary>
    public int AcquisitionsUntil(double time) => _changes.Take(ChangesUntil(time)).Count(c => c.Acquired);

    /// <summary>How many of the changes happened at or before <paramref name="time"/>.</summary>
    public int ChangesUntil(double time) => TimeSearch.CountAtOrBefore(_changes, c => c.Timestamp, time);

    /// <summary>
    /// Puts <paramref name="change"/> in its place in time. The holder counts from there on are recounted
    /// when next read, not now: a process's events come in batches down its own pipe, so thousands of
    /// changes can arrive behind another process's, and recounting after each would be quadratic.
    /// </summary>
    public void Record(LockChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var at = _changes.Count > 0 && _changes[^1].Timestamp <= change.Timestamp
            ? _changes.Count
            : TimeSearch.CountAtOrBefore(_changes, c => c.Timestamp, change.Timestamp);
        _changes.Insert(at, change);
        _mostUpTo.Insert(at, 0);
        _staleFrom = Math.Min(_staleFrom, at);
    }

    private void Recount()
    {
        if (_staleFrom >= _changes.Count)
        {
            _staleFrom = _changes.Count;
            return;
        }

        var holders = _staleFrom == 0 ? 0 : _changes[_staleFrom - 1].Holders;
        var most = _staleFrom == 0 ? 0 : _mostUpTo[_staleFrom - 1];
        for (var i = _staleFrom; i < _changes.Count; i++)
        {
            holders = Math.Max(0, holders + (_changes[i].Acquired ? 1 : -1));
            if (_changes[i].Holders != holders)
            {
                _changes[i] = _changes[i] with { Holders = holders };
            }

            most = Math.Max(most, holders);
            _mostUpTo[i] = most;
        }

        _staleFrom = _changes.Count;
    }
}

/// <summary>A process's wait in acquire(), from its request until it got the lock, gave up or exited (null: still waiting).</summary>
public sealed record LockWait(int Pid, string Name, double Since, double? Until);

/// <summary>An acquire or a release, and how many held the lock after it.</summary>
public sealed record LockChange(double Timestamp, int Pid, string Name, bool Acquired, int Holders);
