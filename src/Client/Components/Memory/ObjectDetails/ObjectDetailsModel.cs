using Playground.Client.Components.Memory;
using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory.ObjectDetails;

/// <summary>
/// One object as the details panel shows it after a step: who refers to it (names in frames, other
/// objects with the label of the reference), what it refers to, and how its reference count moved over
/// the steps so far, each move with the engine's reason. Read from the trace; nothing is re-run.
/// </summary>
public sealed record ObjectDetailsModel(
    HeapObject Object,
    IReadOnlyList<NeighbourLink> Referrers,
    IReadOnlyList<NeighbourLink> Referents,
    IReadOnlyList<RefCountPoint> History)
{
    /// <summary>The most history points kept: the latest ones.</summary>
    public const int MaxHistory = 400;

    /// <param name="wholeHistory">
    /// The object's <see cref="RefCountPoint.Whole"/> history when the caller keeps it across steps, so a
    /// step with the object selected does not read every step of the trace again; read here when null.
    /// </param>
    /// <param name="cursor">
    /// The page's heap cursor when it holds <paramref name="heap"/> (the step on screen): the referrers are
    /// then read from it, not from every object's references.
    /// </param>
    public static ObjectDetailsModel? For(MemoryTrace trace, int step, IReadOnlyList<HeapObject> heap, IReadOnlyList<TraceFrame> frames, long id, IReadOnlyList<RefCountPoint>? wholeHistory = null, HeapCursor? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(heap);
        ArgumentNullException.ThrowIfNull(frames);
        IReadOnlyDictionary<long, HeapObject> byId = cursor is null ? heap.ToDictionary(o => o.Id) : cursor.Heap;
        if (!byId.TryGetValue(id, out var o))
        {
            return null;
        }

        var referrers = new List<NeighbourLink>();
        foreach (var (frame, i) in frames.Select((f, i) => (f, i)))
        {
            foreach (var b in frame.Bindings.Where(b => b.ObjectId == id))
            {
                referrers.Add(new NeighbourLink(null, b.Name, i == 0 ? "global name" : $"name in {frame.Function}()"));
            }
        }

        // In id order either way: the cursor keeps each object's referrers sorted.
        foreach (var holder in cursor is null ? heap : cursor.ReferrersOf(id).Select(r => byId[r]))
        {
            foreach (var r in holder.References.Where(r => r.TargetId == id))
            {
                referrers.Add(new NeighbourLink(holder.Id, r.Label, holder.Describe()));
            }
        }

        var referents = o.References
            .Select(r => new NeighbourLink(r.TargetId, r.Label, byId.TryGetValue(r.TargetId, out var t) ? t.Describe() : $"object #{r.TargetId}"))
            .ToList();
        var history = wholeHistory is null ? RefCountPoint.History(trace, id, step, Label(o)) : RefCountPoint.UpTo(wholeHistory, step);
        return new ObjectDetailsModel(o, referrers, referents, history);
    }

    /// <summary>How the history's reasons name the object.</summary>
    public static string Label(HeapObject o) => $"{o.Type} {o.Repr}";
}

/// <summary>A referrer or referent: the object (null for a frame's name), the label of the reference, and the other end in words.</summary>
public sealed record NeighbourLink(long? ObjectId, string Label, string Description);

/// <summary>The reference count after a change on <see cref="Step"/>, by <see cref="Delta"/>, for <see cref="Reason"/>.</summary>
public sealed record RefCountPoint(int Step, int Line, long RefCount, int Delta, string Reason)
{
    /// <summary>The reason of the point where the object came into being, with the count it was born with.</summary>
    public const string Created = "created";

    /// <summary>The object came into being here: its count is the one it was born with, not a change.</summary>
    public bool IsCreation => Reason == Created;

    /// <summary>The object's count over steps 0..<paramref name="upTo"/>: created, every change, freed.</summary>
    public static IReadOnlyList<RefCountPoint> History(MemoryTrace trace, long id, int upTo, string label) =>
        UpTo(Read(trace, id, upTo, label), upTo);

    /// <summary>The object's count over every step of the trace, untrimmed, for <see cref="UpTo"/> to cut at each step.</summary>
    public static IReadOnlyList<RefCountPoint> Whole(MemoryTrace trace, long id, string label)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Read(trace, id, trace.Steps.Count - 1, label);
    }

    /// <summary>The points of a <see cref="Whole"/> history on steps 0..<paramref name="upTo"/>, the latest <see cref="ObjectDetailsModel.MaxHistory"/> of them.</summary>
    public static IReadOnlyList<RefCountPoint> UpTo(IReadOnlyList<RefCountPoint> whole, int upTo)
    {
        ArgumentNullException.ThrowIfNull(whole);
        var (lo, hi) = (0, whole.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = whole[mid].Step <= upTo ? (mid + 1, hi) : (lo, mid);
        }

        var from = Math.Max(0, lo - ObjectDetailsModel.MaxHistory);
        return [.. Enumerable.Range(from, lo - from).Select(i => whole[i])];
    }

    private static List<RefCountPoint> Read(MemoryTrace trace, long id, int upTo, string label)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var points = new List<RefCountPoint>();
        var last = Math.Min(upTo, trace.Steps.Count - 1);
        for (var i = 0; i <= last; i++)
        {
            var step = trace.Steps[i];
            List<LabelledChange>? mine = null;
            foreach (var c in step.RefCountChanges)
            {
                if (c.ObjectId == id)
                {
                    (mine ??= []).Add(new LabelledChange(c, label));
                }
            }

            foreach (var entry in mine is null ? [] : RefCountLog.Phrase(mine))
            {
                if (entry.Delta != 0)
                {
                    // an entry of this one object told n times ends at its count: each time is a point
                    if (points.Count == 0)
                    {
                        points.Add(new RefCountPoint(i, step.Line, entry.RefCount - (entry.Delta * entry.Times), 0, Created));
                    }

                    for (var k = entry.Times - 1; k >= 0; k--)
                    {
                        points.Add(new RefCountPoint(i, step.Line, entry.RefCount - (entry.Delta * k), entry.Delta, entry.Text));
                    }
                }
            }

            if (points.Count == 0)
            {
                foreach (var o in step.Changed)
                {
                    if (o.Id == id)
                    {
                        points.Add(new RefCountPoint(i, step.Line, o.RefCount, 0, Created));
                    }
                }
            }

            foreach (var f in step.Freed)
            {
                if (f.ObjectId == id)
                {
                    points.Add(new RefCountPoint(i, step.Line, 0, 0, "freed: " + f.Reason));
                }
            }
        }

        return points;
    }
}
