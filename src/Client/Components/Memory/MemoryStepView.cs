using System.Text.RegularExpressions;
using Playground.Client.Components.Editor;
using Playground.Client.Components.Memory.HeapGraph;
using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory;

/// <summary>
/// What the memory pages show for one step of a trace: its line, the output printed so far, the live
/// objects, and the changes that step made, each with the object it concerns. Derived from the trace
/// alone; nothing is re-run.
/// </summary>
public sealed partial class MemoryStepView
{
    private MemoryStepView(MemoryTrace trace, int index, HeapObject[] objects, IReadOnlyDictionary<long, HeapObject> heap, HeapCursor? cursor, IReadOnlyDictionary<long, HeapObject>? gone = null)
    {
        _trace = trace;
        Index = index;
        var step = index >= 0 && index < trace.Steps.Count ? trace.Steps[index] : null;
        Line = step?.Line;
        Exiting = trace.IsExitStep(index);
        Output = trace.Stdout[..Math.Min(trace.Stdout.Length, step?.StdoutLength ?? trace.Stdout.Length)];
        ChangedIds = step?.Changed.Select(o => o.Id).ToHashSet() ?? [];
        Objects = objects;
        Cursor = cursor;

        // Only the objects this step freed need their state from before it (to name them in the log and
        // draw them fading).
        var before = gone ?? HeapReplay.ObjectsAfter(trace, index - 1,
            step is null ? [] : step.RefCountChanges.Select(c => c.ObjectId).Concat(step.Freed.Select(f => f.ObjectId)).Where(id => !heap.ContainsKey(id)));
        Gone = before;
        // Each change keeps the object it concerns as it is now and is put in words only when read: the
        // log words its first hundred changes, and the last step of a run changes thousands of counts.
        Changes = step?.RefCountChanges.Select(c => new LabelledChange(c, Subject(c.ObjectId))).ToList() ?? [];
        Freed = step?.Freed ?? [];
        Collections = step?.Collections ?? [];

        HeapObject? Subject(long id) =>
            heap.TryGetValue(id, out var o) || before.TryGetValue(id, out o) ? o : null;
    }

    private readonly MemoryTrace _trace;
    private IReadOnlyList<TraceFrame>? _frames;
    private IReadOnlyList<FreedCard>? _freedCards;
    private (int Max, RefCountLogPage Page)? _log;
    private (int Max, FreedLogPage Page)? _freedLog;

    public int Index { get; }

    /// <summary>The call stack after the step, the module's frame first (read from the trace once per view).</summary>
    public IReadOnlyList<TraceFrame> Frames => _frames ??= FrameReplay.FramesAfter(_trace, Index);

    /// <summary>The cards of what the step freed, as the heap graph draws them (made once per view).</summary>
    public IReadOnlyList<FreedCard> FreedCards => _freedCards ??= FreedCard.Of(this);

    /// <summary>
    /// The first <paramref name="max"/> entries of the step's log in words (<see cref="RefCountLog.Phrase(IReadOnlyList{LabelledChange}, int)"/>),
    /// put in words once per view: a view made ahead (<see cref="MemoryStepContext.ViewAhead"/>) is shown
    /// with its words ready.
    /// </summary>
    public RefCountLogPage Log(int max)
    {
        if (_log is not { } log || log.Max != max)
        {
            _log = log = (max, RefCountLog.Phrase(Changes, max));
        }

        return log.Page;
    }

    /// <summary>The first <paramref name="max"/> kinds of object the step freed (<see cref="RefCountLog.Fold"/>), once per view.</summary>
    public FreedLogPage FreedLog(int max)
    {
        if (_freedLog is not { } log || log.Max != max)
        {
            _freedLog = log = (max, RefCountLog.Fold(Freed, max));
        }

        return log.Page;
    }

    /// <summary>The objects this step freed (or that left with it), as they were just before it.</summary>
    public IReadOnlyDictionary<long, HeapObject> Gone { get; }

    /// <summary>The line this step ran (1-based), or null outside the trace.</summary>
    public int? Line { get; }

    /// <summary>The step is the interpreter's exit (<see cref="MemoryTrace.IsExitStep"/>).</summary>
    public bool Exiting { get; }

    /// <summary>When the page's views stand: "after line 6", or "as the interpreter exits, after line 6".</summary>
    public string When => Exiting ? $"as the interpreter exits, after line {Line}" : $"after line {Line}";

    /// <summary>Standard output as printed up to and including this step.</summary>
    public string Output { get; }

    public IReadOnlyList<HeapObject> Objects { get; }

    public IReadOnlySet<long> ChangedIds { get; }

    public IReadOnlyList<LabelledChange> Changes { get; }

    public IReadOnlyList<ObjectFreed> Freed { get; }

    public IReadOnlyList<GcCollection> Collections { get; }

    /// <summary>
    /// The heap the <see cref="HeapCursor"/> of the page's run keeps, while this is the step on screen: it
    /// knows who refers to whom without reading every object. Null for a view made from the trace alone.
    /// </summary>
    public HeapCursor? Cursor { get; }

    public static MemoryStepView At(MemoryTrace trace, int index)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var heap = HeapReplay.HeapAfter(trace, index);
        return new MemoryStepView(trace, index, ById(heap), heap, null);
    }

    /// <summary>The view of step <paramref name="index"/>, moving <paramref name="cursor"/> there: a step from where it was costs only that step's changes.</summary>
    public static MemoryStepView At(HeapCursor cursor, int index)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        cursor.MoveTo(index);

        // The cursor remembers the states its step replaced or freed (to step back): what the step freed
        // is read there instead of from the trace (walking back to a checkpoint, and through all of its
        // objects, which for the end of a run that frees 2,000 objects was most of the step). The first
        // state of an object is the one from before the step: one changed and then freed comes twice.
        Dictionary<long, HeapObject>? gone = null;
        if (cursor.LastStepReplaced is { } replaced)
        {
            gone = [];
            foreach (var (id, before) in replaced)
            {
                if (before is not null && !cursor.Heap.ContainsKey(id))
                {
                    gone.TryAdd(id, before);
                }
            }
        }

        return new MemoryStepView(cursor.Trace, index, cursor.ObjectsById(), cursor.Heap, cursor, gone);
    }

    /// <summary>
    /// Where the error of a run that did not finish should be underlined: the engine's "line N, col M:"
    /// for code it rejected, the last step's line for an uncaught exception; null when it finished.
    /// </summary>
    public static SourceMarker? ErrorOf(MemoryTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Outcome == RunOutcome.Completed || trace.Message is null)
        {
            return null;
        }

        if (Position().Match(trace.Message) is { Success: true } m)
        {
            return new SourceMarker(int.Parse(m.Groups[1].ValueSpan, provider: null), int.Parse(m.Groups[2].ValueSpan, provider: null), trace.Message);
        }

        return trace.Steps.Count > 0 ? new SourceMarker(trace.Steps[^1].Line, 1, trace.Message, EndColumn: 200) : null;
    }

    /// <summary>The live objects in id order (allocation order), sorted on their ids as plain numbers.</summary>
    internal static HeapObject[] ById(IReadOnlyDictionary<long, HeapObject> heap)
    {
        var ids = new long[heap.Count];
        var objects = new HeapObject[heap.Count];
        var n = 0;
        foreach (var (id, o) in heap)
        {
            ids[n] = id;
            objects[n++] = o;
        }

        Array.Sort(ids, objects);
        return objects;
    }

    /// <summary>"str 'abc'", "list of 3", "Node(name='a')": <see cref="HeapObject.Describe()"/>, cut for a log line.</summary>
    internal static string Describe(HeapObject o) => o.Describe() is var words && words.Length <= 40 ? words : words[..37] + "...";

    [GeneratedRegex(@"^line (\d+), col (\d+):")]
    private static partial Regex Position();
}

/// <summary>A reference count change with the object it concerns, as the log shows it.</summary>
public sealed record LabelledChange
{
    private readonly HeapObject? _subject;
    private string? _objectLabel;

    public LabelledChange(RefCountChange change, string objectLabel)
    {
        Change = change;
        _objectLabel = objectLabel;
    }

    /// <summary>A change of <paramref name="subject"/> (null when the trace no longer has it), labelled the first time the label is read.</summary>
    public LabelledChange(RefCountChange change, HeapObject? subject)
    {
        Change = change;
        _subject = subject;
    }

    public RefCountChange Change { get; init; }

    public string ObjectLabel => _objectLabel ??= _subject is { } o ? MemoryStepView.Describe(o) : $"object #{Change.ObjectId}";

    /// <summary>
    /// Whether the log reads this change as <paramref name="other"/>: the same move for the same reason, to
    /// the same count (or on the very same object, whose entry then says where its count ended), on an
    /// object described alike or on another instance of the same class (whose attributes may differ:
    /// <see cref="KindLabel"/> then names them all), so that a run of them is one line. Compared without
    /// putting either in words.
    /// </summary>
    public bool ReadsAs(LabelledChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (Change, other.Change);
        return a.Delta == b.Delta && (a.RefCount == b.RefCount || a.ObjectId == b.ObjectId) && a.Why == b.Why && a.Line == b.Line
            && string.Equals(a.Detail, b.Detail, StringComparison.Ordinal) && string.Equals(a.Function, b.Function, StringComparison.Ordinal)
            && (_subject is { } x && other._subject is { } y
                ? ReferenceEquals(x, y) || (x.Type == y.Type && (x.Repr == y.Repr || (x.IsInstance && y.IsInstance)))
                : ObjectLabel == other.ObjectLabel);
    }

    /// <summary>Whether <paramref name="other"/>'s object reads word for word as this one's.</summary>
    public bool LabelledAs(LabelledChange other) =>
        _subject is { } x && other._subject is { } y ? ReferenceEquals(x, y) || x.Repr == y.Repr : ObjectLabel == other.ObjectLabel;

    /// <summary>What instances of one class with different attributes have in common: "Node object".</summary>
    public string KindLabel => _subject is { IsInstance: true } o ? $"{o.Type} object" : ObjectLabel;

    /// <summary>Equal when the change and its words are: not by whether the words were written yet.</summary>
    public bool Equals(LabelledChange? other) => other is not null && Change == other.Change && ObjectLabel == other.ObjectLabel;

    public override int GetHashCode() => HashCode.Combine(Change, ObjectLabel);
}
