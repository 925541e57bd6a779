using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// A run's events folded, batch by batch as they arrive, into what the timeline draws: one lane per
/// process with its stretches of activity, an arrow per message that went through a Queue or a Pipe,
/// the console lines and the last known size of each queue and value of each shared Value/Array.
/// Each process reports on its own connection, so batches interleave processes and time can go back
/// between two events of different processes; within one process events come in order. Nothing here
/// keeps the events themselves: a 100,000-event run costs a few numbers per event.
/// </summary>
public sealed class ProcessTimeline
{
    private readonly Dictionary<int, TimelineLane> _lanes = [];
    private readonly List<TimelineLane> _ordered = [];
    private readonly List<MessageArrow> _arrows = [];
    private readonly ConsoleLines _console = new();
    private readonly Dictionary<string, PendingMessage> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingMessage> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObservedValues> _observed = new(StringComparer.Ordinal);
    private readonly StartCalls _startCalls = new();
    private readonly List<double> _times = [];
    private bool _timesSorted = true;
    private bool _lanesSorted = true;

    /// <summary>The first instant of the run (the earliest event, or the start of a process that reported how long it took to start).</summary>
    public double Origin { get; private set; } = double.NaN;

    /// <summary>The latest event's time.</summary>
    public double Now { get; private set; } = double.NaN;

    public bool IsEmpty => double.IsNaN(Origin);

    public double Duration => IsEmpty ? 0 : Now - Origin;

    public long EventCount => _times.Count;

    /// <summary>Lanes in the order their processes were started (<see cref="StartCalls"/>).</summary>
    public IReadOnlyList<TimelineLane> Lanes
    {
        get
        {
            if (!_lanesSorted)
            {
                _ordered.Sort((a, b) => StartOrder(a).CompareTo(StartOrder(b)));
                _lanesSorted = true;
            }

            return _ordered;
        }
    }

    private (double, int) StartOrder(TimelineLane lane) => _startCalls.Order(lane.Pid, lane.FirstSeen ?? 0);

    public IReadOnlyList<MessageArrow> Arrows => _arrows;

    public ConsoleLines Console => _console;

    public TimelineLane? Lane(int pid) => _lanes.GetValueOrDefault(pid);

    /// <summary>
    /// What <paramref name="lane"/>'s process was doing at <paramref name="time"/>, and, at the end of a run
    /// that has <paramref name="ended"/>, that the engine killed it if it never exited: a run ends by
    /// killing its whole tree (a deadlock, a time limit, a worker left behind), as the summary says.
    /// </summary>
    public string StateOf(TimelineLane lane, double time, bool ended)
    {
        ArgumentNullException.ThrowIfNull(lane);
        var state = lane.StateAt(time);
        return ended && time >= Now && !lane.HasExited ? state + "; killed at the run's end" : state;
    }

    public void Apply(IEnumerable<ProcessEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            Apply(e);
        }
    }

    private void Apply(ProcessEvent e)
    {
        Track(e.Timestamp);
        if (!_lanes.TryGetValue(e.Pid, out var lane))
        {
            _lanes[e.Pid] = lane = new TimelineLane(e.Pid, LanePalette.IndexFor(e.Name, _lanes.Count));
            _ordered.Add(lane);
            _lanesSorted = false;
        }

        lane.Name = e.Name;
        lane.Count(e.Timestamp);
        if (lane.HasExited || IsHelperThreadSleep(e))
        {
            return;
        }

        switch (e.Kind)
        {
            case ProcessEventKinds.ProcessRun:
                if (lane.Segments.Count == 0 && e.StartedAt() is { } started)
                {
                    Origin = Math.Min(Origin, started);
                    lane.Enter(started, LaneActivity.Starting, null);
                }

                lane.Enter(e.Timestamp, LaneActivity.Running, null);
                break;
            case ProcessEventKinds.ProcessExit:
                lane.Enter(e.Timestamp, LaneActivity.Exited, e.Integer("exitcode")?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ProcessEventKinds.ProcessStart:
                if (_startCalls.Note(e))
                {
                    _lanesSorted = false;
                }

                lane.Enter(e.Timestamp, LaneActivity.Running, null);
                Observe(e);
                break;
            case ProcessEventKinds.Output:
                _console.Add(new TimelineConsoleLine(e.Timestamp, e.Pid, lane.Index, e.Name, e.Text("stream") ?? "stdout", e.Text("text") ?? string.Empty));
                lane.Enter(e.Timestamp, LaneActivity.Running, null);
                break;
            default:
                if (LaneActivities.WaitOpenedBy(e) is { } wait)
                {
                    lane.Enter(e.Timestamp, wait, WaitedFor(e));
                }
                else
                {
                    lane.Enter(e.Timestamp, LaneActivity.Running, null);
                    Observe(e);
                }

                break;
        }
    }

    private void Track(double timestamp)
    {
        if (_times.Count > 0 && timestamp < _times[^1])
        {
            _timesSorted = false;
        }

        _times.Add(timestamp);
        Origin = IsEmpty ? timestamp : Math.Min(Origin, timestamp);
        Now = double.IsNaN(Now) ? timestamp : Math.Max(Now, timestamp);
    }

    /// <summary>
    /// A sleep in a thread other than the process's main one (its events name their thread): reported for
    /// the deadlock detector's sake, it says nothing of what the process's main thread is doing.
    /// </summary>
    private static bool IsHelperThreadSleep(ProcessEvent e) =>
        e.Kind is ProcessEventKinds.SleepBegun or ProcessEventKinds.SleepDone && e.Text("thread") is not null;

    private static string? WaitedFor(ProcessEvent e) =>
        e.Kind == ProcessEventKinds.StepWait ? e.Text("op")
        : e.Kind == ProcessEventKinds.SleepBegun ? e.Text("seconds") is { } seconds ? seconds + " s" : null
        // a condition's wait names its lock too (wait() gives the lock up): what it waits for is the notify
        : e.Text("condition") ?? e.Text("lock") ?? e.Text("queue") ?? e.Text("pipe") ?? e.Text("event") ?? e.Text("barrier") ?? e.Text("child_name");

    /// <summary>Messages, queue sizes and shared values the event reports.</summary>
    private void Observe(ProcessEvent e)
    {
        switch (e.Kind)
        {
            case ProcessEventKinds.QueuePut or ProcessEventKinds.PipeSend:
                Match(e, _sent, _received, sending: true);
                break;
            case ProcessEventKinds.QueueGet or ProcessEventKinds.PipeRecv:
                Match(e, _received, _sent, sending: false);
                break;
            case ProcessEventKinds.ValueWrite:
                Record(e.Text("target"), e.Timestamp, e.Text("value"));
                return;
            case ProcessEventKinds.ArrayWrite:
                Record($"{e.Text("target")}[{e.Text("index")}]", e.Timestamp, e.Text("value"));
                return;
            default:
                return;
        }

        if (e.Text("queue") is { } queue && e.Integer("qsize") is { } size)
        {
            Record(queue, e.Timestamp, size == 1 ? "1 item" : $"{size} items");
        }
    }

    /// <summary>
    /// Pairs a send with its receive by the message id both carry. Either can arrive first: they come
    /// from different processes over different connections.
    /// </summary>
    private void Match(ProcessEvent e, Dictionary<string, PendingMessage> mine, Dictionary<string, PendingMessage> theirs, bool sending)
    {
        if (e.Text("msg") is not { } id)
        {
            return;
        }

        var here = new PendingMessage(e.Pid, e.Timestamp, e.Text("queue") ?? e.Text("pipe") ?? "?", e.Text("repr") ?? e.Text("value") ?? string.Empty);
        if (!theirs.Remove(id, out var other))
        {
            mine[id] = here;
            return;
        }

        var (from, to) = sending ? (here, other) : (other, here);
        _arrows.Add(new MessageArrow(id, from.Channel, from.Pid, from.At, to.Pid, to.At, to.Label));
    }

    private void Record(string? resource, double at, string? value)
    {
        if (resource is null || value is null)
        {
            return;
        }

        if (!_observed.TryGetValue(resource, out var values))
        {
            _observed[resource] = values = new ObservedValues();
        }

        values.Add(at, value);
    }

    /// <summary>What every queue held and every shared value was at <paramref name="time"/>, as last reported by then.</summary>
    public IReadOnlyList<(string Resource, string Value)> ObservedAt(double time) =>
        [.. _observed.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (o.Key, o.Value.At(time)))
            .Where(o => o.Item2 is not null)
            .Select(o => (o.Key, o.Item2!))];

    /// <summary>The time of the <paramref name="index"/>-th event in time order (replay's steps).</summary>
    public double TimeOfEvent(int index)
    {
        SortTimes();
        return _times[Math.Clamp(index, 0, _times.Count - 1)];
    }

    /// <summary>How many events happened at or before <paramref name="time"/>.</summary>
    public int EventsUntil(double time)
    {
        SortTimes();
        return TimeSearch.CountAtOrBefore(_times, t => t, time);
    }

    private void SortTimes()
    {
        if (!_timesSorted)
        {
            _times.Sort();
            _timesSorted = true;
        }
    }

    private sealed record PendingMessage(int Pid, double At, string Channel, string Label);
}

/// <summary>A line a process wrote, with when and who.</summary>
public sealed record TimelineConsoleLine(double Timestamp, int Pid, int LaneIndex, string Name, string Stream, string Text);
