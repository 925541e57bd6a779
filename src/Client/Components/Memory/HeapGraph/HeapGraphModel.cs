using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>
/// What the heap graph draws for one step, decided from its parameters alone: the frames with their names,
/// the object cards and the labelled arrows between them. Objects the interpreter shares (small ints,
/// interned strings, None, True/False) are drawn only when a name or a container of the student's refers
/// to them, or when the viewer asks for all of them; a dict's reference to an interned key does not count,
/// as the key is read in its arrow's label. Beyond <see cref="MaxObjects"/> cards the graph stops being
/// readable, so it summarises: it keeps what the step touched, the selection and their neighbours, up to
/// <see cref="SummaryObjects"/> cards, and counts the rest.
/// </summary>
public sealed class HeapGraphModel
{
    /// <summary>The most cards drawn as they are; a bigger heap is summarised.</summary>
    public const int MaxObjects = 200;

    /// <summary>
    /// The cards a summary keeps. Well under <see cref="MaxObjects"/>: once a heap is too big to read
    /// whole, a student follows the step's own objects, and a small graph lays out and redraws within a
    /// frame while stepping through a long trace (a 200-card layout per step froze the page).
    /// </summary>
    public const int SummaryObjects = 48;

    public const double CardWidth = 124;
    public const double CardHeight = 58;
    public const double FreedCardHeight = 74;
    public const double FrameWidth = 112;
    public const double FrameHeaderHeight = 28;
    public const double FrameRowHeight = 24;

    private HeapGraphModel(IReadOnlyList<GraphFrame> frames, IReadOnlyList<GraphCard> cards, IReadOnlyList<GraphArrow> arrows, int hiddenCount, int sharedHiddenCount)
    {
        Frames = frames;
        Cards = cards;
        Arrows = arrows;
        HiddenCount = hiddenCount;
        SharedHiddenCount = sharedHiddenCount;
        var heights = new Dictionary<string, double>(frames.Count + cards.Count, StringComparer.Ordinal);
        foreach (var frame in frames)
        {
            heights[frame.NodeId] = frame.Height;
        }

        foreach (var card in cards)
        {
            heights[card.NodeId] = card.Height;
        }

        _heights = heights;
    }

    private readonly Dictionary<string, double> _heights;

    /// <summary>The drawn height of a frame or card by its node id; a card's when the node is unknown.</summary>
    public double HeightOf(string nodeId) => _heights.TryGetValue(nodeId, out var height) ? height : CardHeight;

    public IReadOnlyList<GraphFrame> Frames { get; }

    public IReadOnlyList<GraphCard> Cards { get; }

    public IReadOnlyList<GraphArrow> Arrows { get; }

    /// <summary>Objects left out to keep the graph readable (beyond <see cref="MaxObjects"/>).</summary>
    public int HiddenCount { get; }

    /// <summary>Shared objects left out because nothing of the student's refers to them.</summary>
    public int SharedHiddenCount { get; }

    /// <summary>
    /// Live cards no arrow points to: what holds them is not drawn (a temporary on the evaluation stack,
    /// a code object's constants, a shared object left out). Counted only for a graph drawn whole: a
    /// summary leaves referrers out by design.
    /// </summary>
    public int UnheldCount => _unheld ??= HiddenCount > 0 ? 0 : CountUnheld();

    /// <summary>Among the cards no arrow points to, a class: its own __mro__ and descriptors hold it, not drawn.</summary>
    public bool UnheldClass => UnheldCount > 0 && _unheldClass;

    private int? _unheld;
    private bool _unheldClass;

    private int CountUnheld()
    {
        var targets = new HashSet<string>(Arrows.Count, StringComparer.Ordinal);
        foreach (var arrow in Arrows)
        {
            if (arrow.From != arrow.To)
            {
                targets.Add(arrow.To);
            }
        }

        var unheld = Cards.Where(c => c.FreedReason is null && !targets.Contains(c.NodeId)).ToList();
        _unheldClass = unheld.Any(c => c.Object.Type == "type");
        return unheld.Count;
    }

    /// <summary>The node ids and edges the layout needs; frames are nodes "f0", "f1", ..., objects their id.</summary>
    public string Signature => _signature ??= string.Join(";", Frames.Select(f => $"{f.NodeId}:{f.Bindings.Count}")) + "|" +
        string.Join(";", Cards.Select(c => $"{c.Object.Id}{(c.FreedReason is null ? "" : "x")}")) + "|" +
        string.Join(";", Arrows.Select(a => $"{a.From}>{a.To}"));

    private string? _signature;

    /// <summary>
    /// The graph of <paramref name="objects"/>. With <paramref name="heap"/>, the cursor that holds the same
    /// live objects, who refers to whom is read from it instead of from every object's references, which
    /// for a heap of thousands is most of the work of a step.
    /// </summary>
    public static HeapGraphModel Build(
        IReadOnlyList<HeapObject> objects,
        IReadOnlyList<TraceFrame> frames,
        IReadOnlyList<FreedCard> freed,
        bool showShared,
        IReadOnlySet<long> focus,
        long? selectedId,
        HeapCursor? heap = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(freed);
        ArgumentNullException.ThrowIfNull(focus);
        var index = new HeapIndex(objects, freed, heap);
        var named = frames.SelectMany(f => f.Bindings).Select(b => b.ObjectId).ToHashSet();
        List<HeapObject> visible = [];
        int visibleCount, sharedHidden;
        if (heap is not null && UnsharedCount(objects, freed, heap) is var unshared && unshared > MaxObjects)
        {
            // A big heap: it will be summarised whatever the shared objects do, so only they are looked
            // at, to count them, instead of every live object on every step.
            var shared = heap.References.SharedIds.Select(id => heap.Heap[id])
                .Concat(freed.Select(f => f.Object).Where(o => o.SharedByInterpreter && !heap.Heap.ContainsKey(o.Id))).ToList();
            var sharedVisible = shared.Count(IsVisible);
            sharedHidden = shared.Count - sharedVisible;
            visibleCount = unshared + sharedVisible;
        }
        else
        {
            var all = InIdOrder(objects, freed, index);
            visible = [.. all.Where(IsVisible)];
            visibleCount = visible.Count;
            sharedHidden = all.Count - visible.Count;
        }

        var hidden = 0;
        if (visibleCount > MaxObjects)
        {
            var kept = Summarise(index, frames, focus, selectedId, id => index.Find(id) is { } o && IsVisible(o));
            hidden = visibleCount - kept.Count;
            visible = [.. kept.Order().Select(id => index.Find(id)!)];
        }

        var shown = visible.Select(o => o.Id).ToHashSet();
        var cards = visible.Select(o => new GraphCard(o, index.FreedReason(o.Id))).ToList();
        var graphFrames = frames.Select((f, i) => new GraphFrame($"f{i}", i == 0 ? "Global frame" : f.Function, f.Bindings)).ToList();
        var arrows = new List<GraphArrow>();
        foreach (var frame in graphFrames)
        {
            for (var row = 0; row < frame.Bindings.Count; row++)
            {
                var target = frame.Bindings[row].ObjectId;
                if (shown.Contains(target))
                {
                    arrows.Add(new GraphArrow(frame.NodeId, target.ToString(System.Globalization.CultureInfo.InvariantCulture), frame.Bindings[row].Name, row));
                }
            }
        }

        foreach (var card in cards)
        {
            foreach (var r in card.Object.References)
            {
                if (shown.Contains(r.TargetId))
                {
                    arrows.Add(new GraphArrow(card.NodeId, r.TargetId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Label, null)
                    {
                        Released = card.FreedReason is not null,
                    });
                }
            }
        }

        return new HeapGraphModel(graphFrames, cards, arrows, hidden, sharedHidden);

        bool IsVisible(HeapObject o) => !o.SharedByInterpreter || showShared || named.Contains(o.Id) || index.IsHeldByStudent(o.Id) || o.Id == selectedId;
    }

    /// <summary>The objects not shared by the interpreter, live or freed on this step: all of them are drawn unless summarised.</summary>
    private static int UnsharedCount(IReadOnlyList<HeapObject> objects, IReadOnlyList<FreedCard> freed, HeapCursor heap) =>
        objects.Count - heap.References.SharedIds.Count + freed.Count(f => !f.Object.SharedByInterpreter && !heap.Heap.ContainsKey(f.Object.Id));

    /// <summary>
    /// The objects and the freed cards in id order. The live objects usually come sorted already
    /// (<see cref="MemoryStepView.Objects"/>): then only the few freed ones need a place among them.
    /// </summary>
    private static IReadOnlyList<HeapObject> InIdOrder(IReadOnlyList<HeapObject> objects, IReadOnlyList<FreedCard> freed, HeapIndex index)
    {
        var sorted = freed.Count == 0;
        for (var i = 1; sorted && i < objects.Count; i++)
        {
            sorted = objects[i - 1].Id < objects[i].Id;
        }

        return sorted ? objects : MemoryStepView.ById(index.All());
    }

    /// <summary>
    /// Beyond <see cref="MaxObjects"/>: what the step touched and the selection, the objects the innermost
    /// frame names, then their neighbours (what they refer to and what refers to them), then the objects the
    /// step freed, up to <see cref="SummaryObjects"/>.
    /// </summary>
    private static HashSet<long> Summarise(HeapIndex index, IReadOnlyList<TraceFrame> frames, IReadOnlySet<long> focus, long? selectedId, Func<long, bool> isVisible)
    {
        var kept = new HashSet<long>();
        var order = new List<long>();
        if (selectedId is { } s)
        {
            order.Add(s);
        }

        order.AddRange(focus.Order());
        if (frames.Count > 0)
        {
            order.AddRange(frames[^1].Bindings.Select(b => b.ObjectId));
        }


        var seeds = order.Where(isVisible).Distinct().ToList();
        foreach (var id in seeds)
        {
            Keep(id);
        }

        // A seed can be a class with thousands of instances, or a list of thousands: once the summary is
        // full the rest of its neighbours are not looked at.
        foreach (var id in seeds)
        {
            foreach (var r in index.Find(id)?.References ?? [])
            {
                if (kept.Count >= SummaryObjects)
                {
                    return kept;
                }

                Keep(r.TargetId);
            }

            foreach (var r in index.ReferrersOf(id))
            {
                if (kept.Count >= SummaryObjects)
                {
                    return kept;
                }

                Keep(r);
            }
        }

        // Room left: what the step freed, fading. The end of a run frees thousands and leaves a couple of
        // objects alive, whose neighbours would not fill a summary; a step in a loop that frees a
        // temporary or two has neighbours enough, and keeps its shape (and its remembered layout).
        foreach (var id in index.FreedIds)
        {
            if (kept.Count >= SummaryObjects)
            {
                break;
            }

            Keep(id);
        }

        return kept;

        void Keep(long id)
        {
            if (kept.Count < SummaryObjects && isVisible(id))
            {
                kept.Add(id);
            }
        }
    }

    /// <summary>
    /// The step's live objects and the ones it freed, and who refers to whom among them: the live ones'
    /// <see cref="HeapReferences"/> from the page's <see cref="HeapCursor"/> when there is one, else built
    /// from the objects; the freed ones' beside them. "Held by the student" means a reference from an
    /// object the interpreter does not share (a dict's to its keys left out); names are counted apart.
    /// </summary>
    private sealed class HeapIndex
    {
        private readonly IReadOnlyDictionary<long, HeapObject> _live;
        private readonly HeapReferences _references;
        private readonly Dictionary<long, HeapObject> _freed = [];
        private readonly Dictionary<long, string> _freedReasons = [];
        private readonly HeapReferences _freedReferences;
        private readonly HeapObject[] _freedById;

        public HeapIndex(IReadOnlyList<HeapObject> objects, IReadOnlyList<FreedCard> freed, HeapCursor? heap)
        {
            _live = heap?.Heap ?? objects.ToDictionary(o => o.Id);
            _references = heap?.References ?? HeapReferences.Of(objects);
            foreach (var f in freed)
            {
                if (!_live.ContainsKey(f.Object.Id))
                {
                    _freed.TryAdd(f.Object.Id, f.Object);
                }

                _freedReasons[f.Object.Id] = f.Reason;
            }

            // In id order: each list of referrers is kept sorted, and a class's 2,000 instances freed at
            // the end of a run, added out of order, moved the list along at every insert.
            _freedById = new HeapObject[_freed.Count];
            _freed.Values.CopyTo(_freedById, 0);
            Array.Sort(_freedById, (a, b) => a.Id.CompareTo(b.Id));
            _freedReferences = HeapReferences.Of(_freedById);
        }

        public HeapObject? Find(long id) => _live.TryGetValue(id, out var o) || _freed.TryGetValue(id, out o) ? o : null;

        public string? FreedReason(long id) => _freedReasons.GetValueOrDefault(id);

        /// <summary>The objects freed on this step, in id order.</summary>
        public IEnumerable<long> FreedIds => _freedById.Select(o => o.Id);

        public bool IsHeldByStudent(long id) => _references.ReferencesFromUnshared(id) > 0 || _freedReferences.ReferencesFromUnshared(id) > 0;

        /// <summary>The live objects and the freed ones, by id.</summary>
        public IReadOnlyDictionary<long, HeapObject> All()
        {
            var all = new Dictionary<long, HeapObject>(_freed);
            foreach (var (id, o) in _live)
            {
                all.TryAdd(id, o);
            }

            return all;
        }

        /// <summary>Who refers to <paramref name="id"/>, live or freed, each once, in id order.</summary>
        public IEnumerable<long> ReferrersOf(long id) =>
            _freed.Count == 0 ? _references.EachReferrerOf(id) : Merge(_references.EachReferrerOf(id), _freedReferences.EachReferrerOf(id));

        /// <summary>Two id-ordered runs of distinct ids as one, read lazily: a summary stops after its first few.</summary>
        private static IEnumerable<long> Merge(IEnumerable<long> a, IEnumerable<long> b)
        {
            using var x = a.GetEnumerator();
            using var y = b.GetEnumerator();
            var hasX = x.MoveNext();
            var hasY = y.MoveNext();
            while (hasX || hasY)
            {
                if (hasX && (!hasY || x.Current <= y.Current))
                {
                    var id = x.Current;
                    yield return id;
                    hasX = x.MoveNext();
                    if (hasY && y.Current == id)
                    {
                        hasY = y.MoveNext();
                    }
                }
                else
                {
                    yield return y.Current;
                    hasY = y.MoveNext();
                }
            }
        }
    }
}

/// <summary>A frame as the graph draws it: its title and its names, one row each.</summary>
public sealed record GraphFrame(string NodeId, string Title, IReadOnlyList<FrameBinding> Bindings)
{
    public double Height => HeapGraphModel.FrameHeaderHeight + (Math.Max(1, Bindings.Count) * HeapGraphModel.FrameRowHeight) + 6;
}

/// <summary>An object card; <see cref="FreedReason"/> is set for an object freed on this step, drawn faded.</summary>
public sealed record GraphCard(HeapObject Object, string? FreedReason)
{
    /// <summary>The object's id as the layout names its node (made once: the graph reads it per arrow end).</summary>
    public string NodeId { get; } = Object.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public double Height => FreedReason is null ? HeapGraphModel.CardHeight : HeapGraphModel.FreedCardHeight;
}

/// <summary>A reference: from a frame's name (<see cref="FrameRow"/> set) or from an object, labelled with what holds it.</summary>
public sealed record GraphArrow(string From, string To, string Label, int? FrameRow)
{
    /// <summary>
    /// From an object freed on this step: the reference it held until then, let go as it was freed
    /// (subtype_dealloc, list_dealloc: a container decrefs what it holds), drawn dashed and faded.
    /// </summary>
    public bool Released { get; init; }
}

/// <summary>
/// An object freed on this step, as it was just before (its value and what it referred to), with the
/// reason it was freed, and a count of zero: CPython frees an object only once its count reaches zero
/// (Py_DECREF calls _Py_Dealloc then; the collector's tp_clear drops the last references of a cycle).
/// </summary>
public sealed record FreedCard(HeapObject Object, string Reason)
{
    /// <summary>The cards of what <paramref name="view"/>'s step freed.</summary>
    public static IReadOnlyList<FreedCard> Of(MemoryStepView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Freed.Count == 0 ? []
            : [.. view.Freed.Where(f => view.Gone.ContainsKey(f.ObjectId)).Select(f => new FreedCard(view.Gone[f.ObjectId] with { RefCount = 0 }, f.Reason))];
    }
}
