using System.Globalization;
using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.SharedValues;

/// <summary>
/// Every Value, RawValue, Array and RawArray of a run (multiprocessing/sharedctypes.py) with its writes
/// over time and who made them. <c>counter.value += 1</c> is two operations on the Value's shared
/// memory (sharedctypes.py's property getter, then its setter: Python/ceval.c runs BINARY_OP between
/// them with no lock held), so each process's increment shows as a read followed by its own write of
/// that value plus one: a read-modify-write pair. A Value whose every write is such a pair is a
/// counter, and it should end at its first value plus its number of pairs; a lost update (two reads of
/// the same value, two writes of the same sum) shows as a final value below that. A Value written any
/// other way has no "expected" value.
/// Processes' events arrive through separate pipes, so the writes are kept in timestamp order, not arrival order;
/// the pairs are matched per process, whose own events come in order.
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
            track.Written(e.Pid, number);
        }
        else
        {
            track.Read(e.Pid, number);
        }

        if (e.Kind is ProcessEventKinds.ValueRead or ProcessEventKinds.ArrayRead && e.Timestamp < track.FirstReadAt)
        {
            track.FirstReadAt = e.Timestamp;
            track.FirstRead = e.Text("value");
            track.FirstReadNumber = number;
        }

        if (e.Timestamp >= track.LastSeen)
        {
            track.LastSeen = e.Timestamp;
            track.Current = e.Text("value");
        }
    }

    /// <summary>The shared counter (of the values written only by increments, the one with the most), or null.</summary>
    public SharedValueTrack? Counter => _tracks.Values.Where(t => t.IsCounter).MaxBy(t => t.Increments);
}

/// <summary>One shared value (or one element of a shared array) over the run.</summary>
public sealed class SharedValueTrack(string name)
{
    public string Name { get; } = name;

    /// <summary>The first value read, when it came before any write and is numeric: where a counter started.</summary>
    public double? Initial => _writes.Count == 0 || FirstReadAt <= _writes[0].Timestamp ? FirstReadNumber : null;

    public double? FirstReadNumber { get; set; }

    private readonly List<SharedValueWrite> _writes = [];

    /// <summary>Each process's last read of this value not yet followed by its write, when numeric.</summary>
    private readonly Dictionary<int, double?> _readNotWritten = [];

    /// <summary>Writes of a read value plus one by the process that read it.</summary>
    public int Increments { get; private set; }

    /// <summary>Writes of anything else: a plain assignment, a write without a read before it, a sum other than plus one.</summary>
    public int OtherWrites { get; private set; }

    /// <summary>Written, and only by increments from a known first value: a <c>+= 1</c> counter.</summary>
    public bool IsCounter => Increments > 0 && OtherWrites == 0 && Initial is not null;

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
        ArgumentNullException.ThrowIfNull(write);
        var at = _writes.Count > 0 && _writes[^1].Timestamp <= write.Timestamp
            ? _writes.Count
            : TimeSearch.CountAtOrBefore(_writes, w => w.Timestamp, write.Timestamp);
        _writes.Insert(at, write);
    }

    /// <summary>How many of the writes happened at or before <paramref name="time"/>.</summary>
    public int WritesUntil(double time) => TimeSearch.CountAtOrBefore(_writes, w => w.Timestamp, time);

    /// <summary>The value at <paramref name="time"/>: the last write by then, else the first read if it came by then, else null.</summary>
    public string? ValueAt(double time) => WritesUntil(time) is > 0 and var n ? _writes[n - 1].Value : FirstReadAt <= time ? FirstRead : null;

    internal void Read(int pid, double? number) => _readNotWritten[pid] = number;

    internal void Written(int pid, double? number)
    {
        if (_readNotWritten.Remove(pid, out var read) && read is { } before && number is { } after && after == before + 1)
        {
            Increments++;
        }
        else
        {
            OtherWrites++;
        }
    }

    /// <summary>What a counter should read if no increment was lost: its first value plus one per increment; null for a value that is not a counter.</summary>
    public double? Expected => IsCounter ? Initial + Increments : null;

    /// <summary>The value the last write left, when numeric.</summary>
    public double? Actual => Writes.Count > 0 ? Writes[^1].Number : Initial;
}

/// <summary>A write: when, by which process, the value written.</summary>
public sealed record SharedValueWrite(double Timestamp, int Pid, string Name, string Value, double? Number);
