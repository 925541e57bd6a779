using System.Diagnostics;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes;

/// <summary>
/// Watches a run's events for the state where every live process is blocked inside an instrumented
/// primitive (a lock acquire, a queue get, a join...) for longer than the threshold. Nothing in
/// multiprocessing can then wake any of them: that is a deadlock, and the wait-for graph says who holds
/// what (from lock.acquired/released) and who waits for what (from the open *.requested/*.begun event).
/// Time is the server's receive time, not the processes' clock, so a process cannot fake it.
/// </summary>
internal sealed class DeadlockDetector
{
    private readonly Dictionary<int, string> _names = [];
    private readonly HashSet<int> _live = [];
    private readonly Dictionary<int, (ProcessEvent Event, long Since)> _blocked = [];
    private readonly Dictionary<string, int> _holders = new(StringComparer.Ordinal);

    private long _lastEvent;

    public void Observe(ProcessEvent e, long now)
    {
        _lastEvent = now;
        _names[e.Pid] = e.Name;
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
            case ProcessEventKinds.ProcessJoinDone when e.Integer("child") is { } joined && e.Integer("exitcode") is not null:
                _live.Remove((int)joined);
                _blocked.Remove((int)joined);
                break;
            case ProcessEventKinds.ProcessExit:
                _live.Remove(e.Pid);
                _blocked.Remove(e.Pid);
                foreach (var held in _holders.Where(h => h.Value == e.Pid).Select(h => h.Key).ToList())
                    _holders.Remove(held);
                return;
            case ProcessEventKinds.LockAcquired when e.Text("lock") is { } acquired:
                _holders[acquired] = e.Pid;
                break;
            case ProcessEventKinds.LockReleased when e.Text("lock") is { } released:
                _holders.Remove(released);
                break;
        }

        if (ProcessEventKinds.WaitEndedBy(e.Kind) is not null)
            _blocked[e.Pid] = (e, now);
        else if (_blocked.TryGetValue(e.Pid, out var open) && ProcessEventKinds.WaitEndedBy(open.Event.Kind) == e.Kind)
            _blocked.Remove(e.Pid);
        else if (e.Kind is ProcessEventKinds.StepWait or ProcessEventKinds.LockTimeout)
            _blocked.Remove(e.Pid);
    }

    /// <summary>The wait-for graph when every live process has been blocked longer than <paramref name="threshold"/>, else null.</summary>
    public WaitForGraph? Check(long now, TimeSpan threshold)
    {
        // a deadlocked run is silent: any event within the threshold means something still moves
        if (_live.Count == 0 || !_live.All(_blocked.ContainsKey) || Stopwatch.GetElapsedTime(_lastEvent, now) < threshold)
            return null;
        if (_live.Any(pid => Stopwatch.GetElapsedTime(_blocked[pid].Since, now) < threshold))
            return null;

        var edges = _live.Order().Select(pid =>
        {
            var e = _blocked[pid].Event;
            var resource = e.Text("lock") ?? e.Text("queue") ?? e.Text("pipe") ?? e.Text("event") ?? e.Text("condition")
                ?? e.Text("barrier") ?? e.Text("child_name") ?? e.Kind;
            int? holder = e.Kind == ProcessEventKinds.LockRequested && _holders.TryGetValue(resource, out var h) ? h
                : e.Kind == ProcessEventKinds.ProcessJoinBegun && e.Integer("child") is { } child ? (int)child : null;
            return new WaitForEdge(pid, _names[pid], e.Kind, resource, holder,
                holder is { } hp ? _names.GetValueOrDefault(hp, "?") : null);
        }).ToList();
        return new WaitForGraph(edges);
    }
}
