namespace Playground.Client.Components.Processes.Timeline;

/// <summary>One process of the run: its name and pid, and its activities in time order.</summary>
public sealed class TimelineLane(int pid, int index)
{
    private readonly List<TimelineSegment> _segments = [];
    private readonly List<double> _eventTimes = [];

    public int Pid { get; } = pid;

    /// <summary>The lane's colour index, here and in the console (<see cref="LanePalette.IndexFor"/>).</summary>
    public int Index { get; } = index;

    public string Name { get; internal set; } = string.Empty;

    public IReadOnlyList<TimelineSegment> Segments => _segments;

    public bool HasExited => _segments.Count > 0 && _segments[^1].Activity == LaneActivity.Exited;

    public double? FirstSeen => _segments.Count > 0 ? _segments[0].Start : null;

    /// <summary>How many events the process has sent.</summary>
    public int EventCount => _eventTimes.Count;

    /// <summary>Counts an event of the process; a process's events come in order, so the times stay sorted.</summary>
    internal void Count(double at) => _eventTimes.Add(_eventTimes.Count > 0 ? Math.Max(at, _eventTimes[^1]) : at);

    /// <summary>How many events the process had sent by <paramref name="time"/>.</summary>
    public int EventsUntil(double time) => TimeSearch.CountAtOrBefore(_eventTimes, t => t, time);

    /// <summary>What the process was doing at <paramref name="time"/>, in words ("blocked on a lock (Lock-1)", "exited with code 0").</summary>
    public string StateAt(double time) => At(time)?.Describe() ?? "not started yet";

    /// <summary>
    /// Closes the open stretch at <paramref name="at"/> and opens one in <paramref name="activity"/>;
    /// nothing changes when the lane is already there. A time before the open stretch's start (a
    /// lock.released is stamped before the release, the next event can carry an earlier stamp) is
    /// moved up to it, so a lane's stretches never overlap.
    /// </summary>
    internal void Enter(double at, LaneActivity activity, string? detail)
    {
        if (_segments.Count > 0)
        {
            var open = _segments[^1];
            if (open.Activity == activity && open.Detail == detail)
            {
                return;
            }

            at = Math.Max(at, open.Start);
            _segments[^1] = open with { End = at };
        }

        _segments.Add(new TimelineSegment(at, null, activity, detail));
    }

    /// <summary>The stretch the lane was in at <paramref name="time"/>, or null before its first.</summary>
    public TimelineSegment? At(double time)
    {
        var i = LastStartingAtOrBefore(time);
        return i < 0 ? null : _segments[i];
    }

    /// <summary>The index of the last stretch that starts at or before <paramref name="time"/>, or -1.</summary>
    public int LastStartingAtOrBefore(double time) => TimeSearch.CountAtOrBefore(_segments, s => s.Start, time) - 1;
}
