using System.Diagnostics;
using System.Text.Json;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes;

/// <summary>
/// Watches a run's events for the state where every live process is blocked inside an instrumented
/// primitive (a lock acquire, a queue get, a join...) for longer than the threshold. Nothing in
/// multiprocessing can then wake any of them: that is a deadlock, and the wait-for graph says who holds
/// what (from lock.acquired/released) and who waits for what (from the open *.requested/*.begun event).
/// Time is the server's receive time, not the processes' clock, so a process cannot fake it.
/// <para>
/// Waits are kept per thread (events from a thread other than the main one carry <c>thread</c>): a
/// process is stuck only when every thread it has reported from is in a wait, since a second thread may
/// be the one that releases what the first waits for. A wait with a timeout (<c>join(timeout=5)</c>,
/// <c>get(timeout=3)</c>, <c>acquire(block=False)</c>) is not stuck: the thread wakes by itself. Any
/// other event from a thread means it runs again, which also ends a timed wait that returned by raising
/// (queue.Empty has no done event).
/// </para>
/// <para>
/// Holders are a multiset per lock: a Semaphore(2) has two holders, and an RLock taken twice by one
/// process (SemLock counts its recursion, Modules/_multiprocessing/semaphore.c) is still held after the
/// first release.
/// </para>
/// </summary>
internal sealed class DeadlockDetector
{
    private const long MainThread = 0;

    private readonly Dictionary<int, string> _names = [];
    private readonly HashSet<int> _live = [];
    private readonly Dictionary<int, Dictionary<long, Wait?>> _threads = [];
    private readonly Dictionary<string, Dictionary<int, int>> _holders = new(StringComparer.Ordinal);

    private long _lastEvent;

    /// <summary>An open wait of one thread: the event that opened it, when it arrived, and whether it ends by itself.</summary>
    private sealed record Wait(ProcessEvent Event, long Since, bool Timed);

    public void Observe(ProcessEvent e, long now)
    {
        _lastEvent = now;
        _names[e.Pid] = e.Name;
        var thread = e.Integer("thread") ?? MainThread;
        switch (e.Kind)
        {
            case ProcessEventKinds.ProcessRun:
                _live.Add(e.Pid);
                break;
            // a started child is live before it reports (a spawn child may need seconds to import):
            // its parent waiting in join() is then waiting for a process that can still run
            case ProcessEventKinds.ProcessStart when e.Integer("child") is { } child and > 0 and < int.MaxValue:
                _live.Add((int)child);
                _names.TryAdd((int)child, e.Text("child_name") ?? "?");
                break;
            case ProcessEventKinds.ProcessJoinDone when e.Integer("child") is { } joined and > 0 and < int.MaxValue && e.Integer("exitcode") is not null:
                Gone((int)joined);
                break;
            case ProcessEventKinds.ProcessExit:
                Gone(e.Pid);
                return;
            case ProcessEventKinds.ThreadExit:
                if (_threads.TryGetValue(e.Pid, out var ended))
                    ended.Remove(thread);
                return;
            case ProcessEventKinds.LockAcquired when e.Text("lock") is { } acquired:
                var holders = _holders.TryGetValue(acquired, out var h) ? h : _holders[acquired] = [];
                holders[e.Pid] = holders.GetValueOrDefault(e.Pid) + 1;
                break;
            case ProcessEventKinds.LockReleased when e.Text("lock") is { } released:
                Release(released, e.Pid);
                break;
        }

        var threads = _threads.TryGetValue(e.Pid, out var t) ? t : _threads[e.Pid] = [];
        // a step.wait waits for a person's grant, not for another process
        threads[thread] = ProcessEventKinds.WaitEndedBy(e.Kind) is not null ? new Wait(e, now, IsTimed(e)) : null;
    }

    private void Gone(int pid)
    {
        _live.Remove(pid);
        _threads.Remove(pid);
        foreach (var (lockName, holders) in _holders.ToList())
        {
            holders.Remove(pid);
            if (holders.Count == 0)
                _holders.Remove(lockName);
        }
    }

    private void Release(string lockName, int pid)
    {
        if (!_holders.TryGetValue(lockName, out var holders))
            return;
        // a semaphore may be released by a process that never acquired it: one holding ends, the oldest
        var by = holders.ContainsKey(pid) ? pid : holders.Keys.First();
        if (--holders[by] == 0)
            holders.Remove(by);
        if (holders.Count == 0)
            _holders.Remove(lockName);
    }

    private static bool IsTimed(ProcessEvent e) =>
        (e.Data.TryGetValue("timeout", out var timeout) && timeout.ValueKind == JsonValueKind.Number)
        || (e.Data.TryGetValue("block", out var block) && block.ValueKind == JsonValueKind.False);

    /// <summary>The open waits of a process when every thread it reported from waits with no timeout, else null.</summary>
    private List<Wait>? Stuck(int pid)
    {
        if (!_threads.TryGetValue(pid, out var threads) || threads.Count == 0)
            return null;
        var waits = new List<Wait>(threads.Count);
        foreach (var wait in threads.Values)
        {
            if (wait is null || wait.Timed)
                return null;
            waits.Add(wait);
        }
        return waits;
    }

    /// <summary>The wait-for graph when every live process has been stuck longer than <paramref name="threshold"/>, else null.</summary>
    public WaitForGraph? Check(long now, TimeSpan threshold)
    {
        // a deadlocked run is silent: any event within the threshold means something still moves
        if (_live.Count == 0 || Stopwatch.GetElapsedTime(_lastEvent, now) < threshold)
            return null;
        var stuck = new List<(int Pid, List<Wait> Waits)>(_live.Count);
        foreach (var pid in _live.Order())
        {
            if (Stuck(pid) is not { } waits || waits.Any(w => Stopwatch.GetElapsedTime(w.Since, now) < threshold))
                return null;
            stuck.Add((pid, waits));
        }

        var edges = new List<WaitForEdge>();
        foreach (var (pid, waits) in stuck)
        {
            foreach (var e in waits.Select(w => w.Event))
            {
                // a condition's wait names its lock too (wait() gives the lock up): it waits for a notify
                var resource = e.Text("condition") ?? e.Text("lock") ?? e.Text("queue") ?? e.Text("pipe") ?? e.Text("event")
                    ?? e.Text("barrier") ?? e.Text("child_name") ?? e.Kind;
                IEnumerable<int?> holders = e.Kind == ProcessEventKinds.LockRequested && _holders.TryGetValue(resource, out var h)
                        ? h.Keys.Order().Select(p => (int?)p)
                    : e.Kind == ProcessEventKinds.ProcessJoinBegun && e.Integer("child") is { } child ? [(int)child]
                    : [null];
                // a semaphore held by several: the waiter waits for whichever releases first, one edge to each
                edges.AddRange(holders.Select(holder => new WaitForEdge(pid, _names[pid], e.Kind, resource, holder,
                    holder is { } hp ? _names.GetValueOrDefault(hp, "?") : null)));
            }
        }
        return new WaitForGraph(edges);
    }
}
