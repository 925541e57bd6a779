using System.Globalization;
using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.SharedValues;

/// <summary>
/// Every Value, RawValue, Array and RawArray of a run (multiprocessing/sharedctypes.py) with its writes
/// over time and who made them. The shared counter of the counter scenarios is the Value written most:
/// each of its writes was meant as one increment (<c>counter.value += 1</c>), so the value it should end
/// at is its first value read plus its number of writes, and a lost update shows as a final value below it.
/// Processes' events arrive through separate pipes, so the writes are kept in timestamp order, not arrival order.
/// </summary>
public sealed class SharedValueHistory
{
    private readonly Dictionary<string, SharedValueTrack> _tracks = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SharedValueTrack> Tracks => _tracks.Values;

    public void Apply(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var isArray = e.Kind is ProcessEventKinds.ArrayRead or ProcessEventKinds.ArrayWrite;
        if (e.Kind is not (ProcessEventKinds.ValueRead or ProcessEventKinds.ValueWrite) && !isArray)
        {
            return;
        }

        var target = e.Text("target");
        if (target is null)
        {
            return;
        }

        var name = isArray && e.Integer("index") is { } index ? $"{target}[{index}]" : target;
        if (!_tracks.TryGetValue(name, out var track))
        {
            _tracks[name] = track = new SharedValueTrack(name);
        }

        var number = double.TryParse(e.Text("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
        if (e.Kind is ProcessEventKinds.ValueWrite or ProcessEventKinds.ArrayWrite)
        {
            track.Record(new SharedValueWrite(e.Timestamp, e.Pid, e.Name, e.Text("value") ?? "?", number));
        }
        else if (e.Timestamp < track.FirstReadAt)
        {
            track.FirstReadAt = e.Timestamp;
            track.FirstRead = e.Text("value");
            if (track.Writes.Count == 0 || e.Timestamp <= track.Writes[0].Timestamp)
            {
                track.Initial = number;
            }
        }

        if (e.Timestamp >= track.LastSeen)
        {
            track.LastSeen = e.Timestamp;
            track.Current = e.Text("value");
        }
    }

    /// <summary>The shared counter (the value with the most writes, at least one), or null.</summary>
    public SharedValueTrack? Counter => _tracks.Values.Where(t => t.Writes.Count > 0).MaxBy(t => t.Writes.Count);
}

/// <summary>One shared value (or one element of a shared array) over the run.</summary>
public sealed class SharedValueTrack(string name)
{
    public string Name { get; } = name;

    /// <summary>The first value read before any write, when numeric.</summary>
    public double? Initial { get; set; }

    private readonly List<SharedValueWrite> _writes = [];

    /// <summary>The earliest value read, and when.</summary>
    public string? FirstRead { get; set; }

    public double FirstReadAt { get; set; } = double.MaxValue;

    /// <summary>The last value read or written.</summary>
    public string? Current { get; set; }

    /// <summary>When <see cref="Current"/> was read or written.</summary>
    public double LastSeen { get; set; } = double.MinValue;

    /// <summary>The writes in timestamp order.</summary>
    public IReadOnlyList<SharedValueWrite> Writes => _writes;

    /// <summary>Puts <paramref name="write"/> in its place in time (usually the end).</summary>
    public void Record(SharedValueWrite write)
    {
        var at = _writes.Count;
        while (at > 0 && _writes[at - 1].Timestamp > write.Timestamp)
        {
            at--;
        }

        _writes.Insert(at, write);
    }

    /// <summary>How many of the writes happened at or before <paramref name="time"/>.</summary>
    public int WritesUntil(double time) => TimeSearch.CountAtOrBefore(_writes, w => w.Timestamp, time);

    /// <summary>The value at <paramref name="time"/>: the last write by then, else the first read if it came by then, else null.</summary>
    public string? ValueAt(double time) => WritesUntil(time) is > 0 and var n ? _writes[n - 1].Value : FirstReadAt <= time ? FirstRead : null;

    /// <summary>What a counter should read if no increment was lost: its start plus one per write.</summary>
    public double Expected => (Initial ?? 0) + Writes.Count;

    /// <summary>The value the last write left, when numeric.</summary>
    public double? Actual => Writes.Count > 0 ? Writes[^1].Number : Initial;
}

/// <summary>A write: when, by which process, the value written.</summary>
public sealed record SharedValueWrite(double Timestamp, int Pid, string Name, string Value, double? Number);
