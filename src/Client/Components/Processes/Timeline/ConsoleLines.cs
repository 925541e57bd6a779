using System.Collections;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// The lines a run's processes wrote, in the order they were written (by timestamp, not by arrival:
/// each process's output comes over its own connection), and the same lines again per process, per
/// stream and per process and stream. The console shows the last few hundred lines of one of those
/// lists up to an instant, so a filter on a process that printed twice, in a run that printed 100,000
/// lines, reads its two lines rather than walking the 100,000.
/// </summary>
public sealed class ConsoleLines : IReadOnlyList<TimelineConsoleLine>
{
    private static readonly IReadOnlyList<TimelineConsoleLine> None = [];
    private readonly List<TimelineConsoleLine> _all = [];
    private readonly Dictionary<(int? Pid, string? Stream), List<TimelineConsoleLine>> _by = [];

    public int Count => _all.Count;

    public TimelineConsoleLine this[int index] => _all[index];

    public void Add(TimelineConsoleLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Insert(_all, line);
        Insert(For((line.Pid, null)), line);
        Insert(For((null, line.Stream)), line);
        Insert(For((line.Pid, line.Stream)), line);
    }

    /// <summary>The lines of one process (or all, when null) on one stream (or both, when null), in time order.</summary>
    public IReadOnlyList<TimelineConsoleLine> Of(int? pid, string? stream) =>
        pid is null && stream is null ? _all : _by.GetValueOrDefault((pid, stream)) ?? None;

    public IEnumerator<TimelineConsoleLine> GetEnumerator() => _all.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<TimelineConsoleLine> For((int? Pid, string? Stream) key)
    {
        if (!_by.TryGetValue(key, out var lines))
        {
            _by[key] = lines = [];
        }

        return lines;
    }

    /// <summary>
    /// After every line written at or before it. Lines of one process come in order and processes' clocks
    /// are the machine's one monotonic clock, so a line that arrives late is late by a batch at most and
    /// the walk back from the end is short.
    /// </summary>
    private static void Insert(List<TimelineConsoleLine> lines, TimelineConsoleLine line)
    {
        var at = lines.Count;
        while (at > 0 && lines[at - 1].Timestamp > line.Timestamp)
        {
            at--;
        }

        lines.Insert(at, line);
    }
}
