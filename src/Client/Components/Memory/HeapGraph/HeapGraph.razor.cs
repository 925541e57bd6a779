using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Playground.Shared.Memory;
using Playground.Client.Components.Rendering;

namespace Playground.Client.Components.Memory.HeapGraph;

public sealed partial class HeapGraph
{
    private const double ZoomStep = 1.25;
    private const double MinScale = 0.2;
    private const double MaxScale = 4;
    private const double PanStep = 40;
    private const double MaxSvgHeight = 640;

    /// <summary>Top to bottom on a phone, the graph grows down the page, which scrolls that way anyway.</summary>
    private const double MaxVerticalSvgHeight = 1600;
    private const double MinReadableScale = 0.72;
    private static int s_instances;

    private const int MaxRememberedPaths = 4096;

    private readonly string _markerId;
    private readonly string _markerUrl;

    /// <summary>
    /// Arrow paths already written, by what they are drawn from: formatting a few hundred coordinates
    /// is a large part of a step in the browser's interpreter, and most arrows sit where they sat on the
    /// last step (a remembered layout hands back the same route arrays).
    /// </summary>
    private readonly Dictionary<PathKey, ArrowPathShape> _paths = [];
    private Drawing? _drawings;

    /// <summary>The step laid out and drawn ahead (<see cref="Prepare"/>), until another is.</summary>
    private Ahead? _ahead;
    private HeapGraphModel? _drawnModel;
    private HeapGraphModel _model = HeapGraphModel.Build([], [], [], false, new HashSet<long>(), null);
    private GraphLayout? _layout;
    private GraphLayout _fallback = GraphLayout.Columns(HeapGraphModel.Build([], [], [], false, new HashSet<long>(), null));
    private string? _laidOut;
    private string? _requested;
    private DagreLayout? _dagre;
    private ElementReference _viewport;
    private ClaimedKeys? _keys;
    private double _scale = 1;
    private double _tx;
    private double _ty;
    private bool _dragging;
    private double _lastX;
    private double _lastY;

    public HeapGraph()
    {
        _markerId = $"heap-arrow-{Interlocked.Increment(ref s_instances)}";
        _markerUrl = $"url(#{_markerId})";
    }

    /// <summary>The live objects after the step.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<HeapObject> Objects { get; set; } = [];

    /// <summary>
    /// The page's heap cursor when it holds exactly <see cref="Objects"/> (the step on screen): the graph
    /// then reads who refers to whom from it instead of from every object. Null otherwise.
    /// </summary>
    [Parameter] public HeapCursor? Heap { get; set; }

    /// <summary>The call stack after the step, the module's frame first; empty for a graph of objects only.</summary>
    [Parameter] public IReadOnlyList<TraceFrame> Frames { get; set; } = [];

    /// <summary>Objects freed on this step, drawn faded with the reason.</summary>
    [Parameter] public IReadOnlyList<FreedCard> Freed { get; set; } = [];

    /// <summary>Objects this step changed: highlighted, and kept when the graph has to summarise.</summary>
    [Parameter] public IReadOnlySet<long> HighlightedIds { get; set; } = new HashSet<long>();

    /// <summary>An extra CSS class per object (a page's own status, such as "unreachable"); null for none.</summary>
    [Parameter] public Func<HeapObject, string?>? StatusClass { get; set; }

    /// <summary>
    /// A page's own way of saying an object is freed (the collector's "gc-freed" at its last phase): its
    /// references are drawn released, as a freed card's are (<see cref="GraphArrow.Released"/>).
    /// </summary>
    [Parameter] public string? FreedStatus { get; set; }

    [Parameter] public long? SelectedId { get; set; }

    [Parameter] public EventCallback<long?> SelectedIdChanged { get; set; }

    [Parameter] public bool ShowShared { get; set; }

    [Parameter] public EventCallback<bool> ShowSharedChanged { get; set; }

    /// <summary>Names the graph's remembered positions, so two graphs on one page keep their own.</summary>
    [Parameter] public string LayoutKey { get; set; } = "heap";

    /// <summary>
    /// What the drawing covers: the layout's box, grown to take in whatever reaches past it (a card kept at
    /// its old place, a frame grown by a name, a loop over a card of the top row, a label). The view box
    /// starts at its corner, so nothing is cut off at the top or the left.
    /// </summary>
    private GraphBox _bounds = new(0, 0, 320, 200);

    private double ViewWidth => Math.Max(320, _bounds.Width);

    private double ViewHeight => Math.Max(200, _bounds.Height);

    private string ViewBox => $"{SvgNumber.F(_bounds.Left)} {SvgNumber.F(_bounds.Top)} {SvgNumber.F(ViewWidth)} {SvgNumber.F(ViewHeight)}";

    /// <summary>Whether the layout on screen ranks top to bottom.</summary>
    private bool Vertical { get; set; }

    /// <summary>
    /// The drawing's box: the viewport's width, but no wider than the drawing at its own size (a small
    /// graph is not blown up) nor narrower than it stays readable, and as tall as the drawing is at that
    /// width (up to a most). A box of fixed height (at least 320 px) left an empty band under a graph of
    /// a few cards, drawn to fit the width.
    /// </summary>
    private string SvgStyle =>
        $"min-width: {SvgNumber.F(MinSvgWidth)}px; max-width: {SvgNumber.F(Math.Max(ViewWidth, MinSvgWidth))}px; "
        + $"aspect-ratio: {SvgNumber.F(ViewWidth)} / {SvgNumber.F(ViewHeight)}; max-height: {SvgNumber.F(Vertical ? MaxVerticalSvgHeight : MaxSvgHeight)}px";

    /// <summary>Below this width the text would shrink past reading; the viewport scrolls sideways instead.</summary>
    private double MinSvgWidth => ViewWidth * (Vertical ? MinReadableScaleOnPhone : MinReadableScale);

    /// <summary>
    /// On a phone the cards keep more of their size: the graph scrolls sideways sooner (the edge shadow says
    /// so, and the frame is brought into sight) rather than shrink a card's type and value past reading.
    /// </summary>
    private const double MinReadableScaleOnPhone = 0.85;

    protected override void OnParametersSet()
    {
        _model = _ahead is { } ahead && ahead.Of(Objects, Frames, Freed, ShowShared, HighlightedIds, SelectedId, Heap) ? ahead.Model
            : HeapGraphModel.Build(Objects, Frames, Freed, ShowShared, HighlightedIds, SelectedId, Heap);
        _freedByStatus = FreedStatus is { } freed && StatusClass is { } status
            ? _model.Cards.Where(c => status(c.Object) == freed).Select(c => c.NodeId).ToHashSet()
            : NoneFreedByStatus;
        var signature = _model.Signature;
        if (signature != _laidOut && _dagre?.Layout(_model) is { } layout)
        {
            // In WebAssembly the module answers at once: this render draws dagre's layout, with no
            // placeholder columns and no second render after it.
            Show(layout, signature);
        }
        else if (signature != _laidOut)
        {
            _fallback = GraphLayout.Columns(_model);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _keys = await ClaimedKeys.ClaimAsync(JS, _viewport, HandledKeys);
        }

        await RevealFrameAsync();
        var signature = _model.Signature;
        if (signature == _laidOut || signature == _requested)
        {
            return;
        }

        _requested = signature;
        if (_dagre is null)
        {
            _dagre = new DagreLayout(JS, LayoutKey);
            _dagre.DirectionChanged += () => _ = InvokeAsync(Relayout);
        }

        var model = _model;
        var layout = await _dagre.LayoutAsync(model);
        if (layout is not null && model.Signature == _model.Signature)
        {
            Show(layout, signature);
            StateHasChanged();
        }
    }

    /// <summary>Where the frame was drawn when the viewport last made sure it could be seen.</summary>
    private GraphPoint? _frameRevealedAt;

    /// <summary>
    /// Top to bottom (a phone), a graph wider than the screen starts scrolled to its left edge, and dagre
    /// may have put the frame, the way into the graph, out of sight to the right. Each time the frame is
    /// drawn somewhere new, the viewport brings it into sight; a student's own scrolling is left alone
    /// while it stays put.
    /// </summary>
    private async Task RevealFrameAsync()
    {
        if (!Vertical || _dagre is null || _model.Frames.Count == 0 || Position(_model.Frames[0].NodeId) is not { } at || at == _frameRevealedAt)
        {
            return;
        }

        _frameRevealedAt = at;
        await _dagre.RevealFrameAsync(_viewport);
    }

    /// <summary>
    /// Lays out and draws, ahead of time, the graph another step would show (the next one, while the
    /// student reads this one), so that stepping there finds its model, its shape in the layout cache and
    /// its arrows drawn. dagre takes 5–15 ms for a chain of ten objects and tens of ms for a few dozen, and
    /// the model and the arrows of a summarised graph of 2,000 objects a few more, which for a step was
    /// most of it; done while the page is idle, that cost leaves the step. The graph on screen does not
    /// change. heap-layout.js remembers these places as the last ones, so a new shape after them keeps
    /// the places of the step ahead (one step from the one on screen) rather than of this one. The
    /// model made here is shown only for the very same inputs (the same objects, frames and freed cards,
    /// as a view made ahead hands over, and the same cursor left where it was).
    /// </summary>
    public void Prepare(IReadOnlyList<HeapObject> objects, IReadOnlyList<TraceFrame> frames, IReadOnlyList<FreedCard> freed, IReadOnlySet<long> highlighted, HeapCursor? heap)
    {
        if (_dagre is null)
        {
            return;
        }

        // a shape already laid out (the one on screen among them) is a hit in the layout cache
        var model = HeapGraphModel.Build(objects, frames, freed, ShowShared, highlighted, SelectedId, heap);
        var layout = _dagre.Layout(model);
        var drawing = layout is null ? null
            : Draw(model, DrawingKey.Of(model, layout, _dagre.Vertical), id => layout.Nodes.TryGetValue(id, out var p) ? p : null, layout.Routes);
        _ahead = new Ahead(objects, frames, freed, ShowShared, highlighted, SelectedId, heap, heap?.StepIndex, model, drawing);
    }

    /// <summary>The screen turned narrow or wide: lay the step out again the other way.</summary>
    private void Relayout()
    {
        _paths.Clear();
        _laidOut = null;
        _requested = null;
        if (_dagre?.Layout(_model) is { } layout)
        {
            Show(layout, _model.Signature);
        }

        StateHasChanged();
    }

    /// <summary>Draws dagre's <paramref name="layout"/> of the model with <paramref name="signature"/>, in the direction it was made.</summary>
    private void Show(GraphLayout layout, string signature)
    {
        _layout = layout;
        _laidOut = signature;
        Vertical = _dagre!.Vertical;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dagre is not null)
        {
            await _dagre.DisposeAsync();
        }

        if (_keys is not null)
        {
            await _keys.DisposeAsync();
        }
    }

    /// <summary>dagre's place for a node when it has one; the column layout's until then.</summary>
    private GraphPoint? Position(string nodeId) =>
        _layout is not null && _layout.Nodes.TryGetValue(nodeId, out var p) ? p
        : _fallback.Nodes.TryGetValue(nodeId, out var q) ? q : null;

    /// <summary>
    /// Each arrow's path and where its label goes (null for an arrow with an end not placed yet), worked
    /// out again only when the layout, the direction or a label changed: a step that keeps its shape
    /// (most steps of a loop) reuses the last placement, and a step drawn ahead (<see cref="Prepare"/>)
    /// finds its drawing made.
    /// </summary>
    private IReadOnlyList<ArrowDrawing?> ArrowDrawings()
    {
        var layout = _layout ?? _fallback;
        if (_drawings is { } same && ReferenceEquals(_drawnModel, _model) && ReferenceEquals(same.Key.Layout, layout) && same.Key.Vertical == Vertical)
        {
            // drawn again for a zoom, a pan or a drag: nothing it depends on changed
            return same.Arrows;
        }

        _drawnModel = _model;
        var key = DrawingKey.Of(_model, layout, Vertical);
        var drawing = _drawings is { } last && last.Key.Equals(key) ? last
            : _ahead?.Drawing is { } ahead && ahead.Key.Equals(key) ? ahead
            : Draw(_model, key, Position, _layout is not null && _laidOut == _model.Signature ? _layout.Routes : null);
        _drawings = drawing;
        _bounds = drawing.Bounds;
        return drawing.Arrows;
    }

    /// <summary>
    /// Draws the arrows of <paramref name="model"/> with its cards at <paramref name="position"/>, taking
    /// dagre's <paramref name="routes"/> (null when the layout is not dagre's for this model), and what
    /// the drawing covers.
    /// </summary>
    private Drawing Draw(HeapGraphModel model, DrawingKey key, Func<string, GraphPoint?> position, IReadOnlyList<IReadOnlyList<GraphPoint>>? routes)
    {
        var labels = new string[model.Arrows.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = model.Arrows[i].Label;
        }

        var obstacles = Obstacles(model, position);
        var paths = new ArrowPathShape?[labels.Length];
        var spots = new IReadOnlyList<LabelSpot>[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            paths[i] = ArrowPath(model, i, position, routes, key.Vertical, obstacles);
            spots[i] = paths[i]?.LabelSpots ?? [];
        }

        var placed = ArrowLabels.Place(labels, spots, obstacles);
        var drawings = new ArrowDrawing?[labels.Length];
        var (left, top, right, bottom) = (0.0, 0.0, key.Layout.Width, key.Layout.Height);
        void Take(GraphBox b) => (left, top, right, bottom) = (Math.Min(left, b.Left), Math.Min(top, b.Top), Math.Max(right, b.Left + b.Width), Math.Max(bottom, b.Top + b.Height));
        obstacles.ForEach(Take);
        for (var i = 0; i < labels.Length; i++)
        {
            if (paths[i] is not { } path)
            {
                continue;
            }

            drawings[i] = new ArrowDrawing(path.D, path.LabelSpots.Count > 0, placed[i]);
            if (path.Reach is { } reach)
            {
                Take(reach);
            }

            if (path.LabelSpots.Count > 0)
            {
                Take(ArrowLabels.BoxOf(labels[i], placed[i]));
            }
        }

        // a side that reaches past the layout's box gets a little room beyond what reaches furthest
        const double Edge = 4;
        (left, top) = (left < 0 ? left - Edge : 0, top < 0 ? top - Edge : 0);
        (right, bottom) = (right > key.Layout.Width ? right + Edge : right, bottom > key.Layout.Height ? bottom + Edge : bottom);
        return new Drawing(key, drawings, new GraphBox(left, top, right - left, bottom - top));
    }

    /// <summary>The boxes of the frames and cards placed: a label is better beside them than across them.</summary>
    private static List<GraphBox> Obstacles(HeapGraphModel model, Func<string, GraphPoint?> position)
    {
        var boxes = new List<GraphBox>(model.Frames.Count + model.Cards.Count);
        foreach (var frame in model.Frames)
        {
            if (position(frame.NodeId) is { } at)
            {
                boxes.Add(GraphBox.Around(at, HeapGraphModel.FrameWidth, frame.Height));
            }
        }

        foreach (var card in model.Cards)
        {
            if (position(card.NodeId) is { } at)
            {
                boxes.Add(GraphBox.Around(at, HeapGraphModel.CardWidth, card.Height));
            }
        }

        return boxes;
    }

    private ArrowPathShape? ArrowPath(HeapGraphModel model, int index, Func<string, GraphPoint?> position, IReadOnlyList<IReadOnlyList<GraphPoint>>? routes, bool vertical, List<GraphBox> obstacles)
    {
        var arrow = model.Arrows[index];
        if (position(arrow.From) is not { } from || position(arrow.To) is not { } to)
        {
            return null;
        }

        if (arrow.From == arrow.To)
        {
            return SelfLoop(to, model.HeightOf(arrow.To), obstacles);
        }

        // A name's arrow takes dagre's route only when it passes a rank on its way (more than the two ends
        // and the label's point): then dagre has found it a way between the cards of that rank.
        var route = routes is not null && index < routes.Count
            && routes[index] is { } r && r.Count >= (arrow.FrameRow is null ? 2 : 4) ? r : null;
        var key = new PathKey(from, to, model.HeightOf(arrow.From), model.HeightOf(arrow.To), arrow.FrameRow ?? -1, route, vertical);
        if (!_paths.TryGetValue(key, out var path))
        {
            if (_paths.Count >= MaxRememberedPaths)
            {
                _paths.Clear();
            }

            path = _paths[key] = WritePath(key);
        }

        return path;
    }

    private static ArrowPathShape WritePath(PathKey key)
    {
        var (from, to) = (key.From, key.To);
        if (key.FrameRow >= 0)
        {
            // An arrow from a frame's name carries no label: the name is on the frame's row.
            var start = new GraphPoint(from.X + (HeapGraphModel.FrameWidth / 2) - 14,
                from.Y - (key.FromHeight / 2) + HeapGraphModel.FrameHeaderHeight + (key.FrameRow * HeapGraphModel.FrameRowHeight) + 12);
            if (key.Route is { } passing)
            {
                // Out of the name's dot into dagre's route past the cards between, which a curve straight
                // to the card drew across ("numbers" through the list beside it).
                var into = passing[1];
                var curve = key.Vertical ? CurveDown(start, into) : Curve(start, into);
                return new(Bezier(curve) + string.Concat(passing.Skip(2).Select(p => $" L {N(p.X)} {N(p.Y)}")), []);
            }

            if (key.Vertical)
            {
                // Frames sit above what they name: out of the name's dot to the right, down into the card's top.
                var top = new GraphPoint(to.X, to.Y - (key.ToHeight / 2));
                return new(Bezier(CurveDown(start, top)), []);
            }

            var end = new GraphPoint(to.X - (HeapGraphModel.CardWidth / 2), to.Y);
            return new(Bezier(Curve(start, end)), []);
        }

        if (key.Route is { } route)
        {
            var d = "M " + string.Join(" L ", route.Select(p => $"{N(p.X)} {N(p.Y)}"));
            // dagre keeps the route's middle point free for the label; the other points are there if a card kept its place on it.
            return new(d, [new(route[route.Count / 2], LabelSide.Above), .. Fractions.Select(t => new LabelSpot(AlongRoute(route, t), LabelSide.Above))]);
        }

        // An arrow dagre did not route (an instance's __class__, which the layout leaves out) goes from the
        // side of one card that faces the other to the side facing back. Cards that overlap across (one
        // column, as a class often shares its instance's rank) face each other top and bottom: leaving
        // a card's right side for a card beside or behind it looped out past the graph's edge.
        var sideBySide = Math.Abs(to.Y - from.Y) < (key.FromHeight + key.ToHeight) / 2 && Math.Abs(to.X - from.X) >= HeapGraphModel.CardWidth;
        if (key.Vertical && sideBySide)
        {
            // Ranked top to bottom, cards side by side share a rank (a class and its first instance): top
            // to bottom would cross both cards, so the arrow dips under them, out of one's bottom and into
            // the other's, and its label sits in the dip.
            var toward = to.X > from.X ? 1 : -1;
            var sv = new GraphPoint(from.X + (toward * HeapGraphModel.CardWidth / 4), from.Y + (key.FromHeight / 2));
            var ev = new GraphPoint(to.X - (toward * HeapGraphModel.CardWidth / 4), to.Y + (key.ToHeight / 2));
            var dip = Math.Max(sv.Y, ev.Y) + 30;
            var curve = (sv, new GraphPoint(sv.X, dip), new GraphPoint(ev.X, dip), ev);
            return new(Bezier(curve), [.. Fractions.Select(t => At(curve, t)).Select(p => new LabelSpot(p with { Y = p.Y - 3 }, LabelSide.Above))]);
        }

        if (key.Vertical || Math.Abs(to.X - from.X) < HeapGraphModel.CardWidth)
        {
            var below = to.Y >= from.Y;
            var sv = new GraphPoint(from.X, from.Y + ((below ? 1 : -1) * key.FromHeight / 2));
            var ev = new GraphPoint(to.X, to.Y - ((below ? 1 : -1) * key.ToHeight / 2));
            var curve = (sv, new GraphPoint(sv.X, (sv.Y + ev.Y) / 2), new GraphPoint(ev.X, (sv.Y + ev.Y) / 2), ev);
            // A label centred on a line that runs down would sit across it: it goes beside the line, right or left.
            return new(Bezier(curve), [.. Fractions.Select(t => At(curve, t)).SelectMany(p => new LabelSpot[] { new(p, LabelSide.Right), new(p, LabelSide.Left) })]);
        }

        var rightwards = to.X > from.X;
        var half = rightwards ? HeapGraphModel.CardWidth / 2 : -HeapGraphModel.CardWidth / 2;
        var side = Curve(new GraphPoint(from.X + half, from.Y), new GraphPoint(to.X - half, to.Y));
        return new(Bezier(side), [.. Fractions.Select(t => new LabelSpot(At(side, t), LabelSide.Above))]);
    }

    /// <summary>
    /// A container that holds itself (<c>l.append(l)</c>, <c>self.me = self</c>): a loop over the card's top
    /// edge, or under its bottom or out of its right side when another card sits there (a class above its
    /// instance hid the loop and its label).
    /// </summary>
    private static ArrowPathShape SelfLoop(GraphPoint at, double height, List<GraphBox> obstacles)
    {
        var (top, bottom, right) = (at.Y - (height / 2), at.Y + (height / 2), at.X + (HeapGraphModel.CardWidth / 2));
        var card = GraphBox.Around(at, HeapGraphModel.CardWidth, height);
        (GraphBox Reach, ArrowPathShape Shape)[] sides =
        [
            (new GraphBox(at.X - 50, top - 52, 100, 52), Loop((at.X + 20, top), (at.X + 50, top - 46), (at.X - 50, top - 46), (at.X - 20, top), new LabelSpot(new GraphPoint(at.X, top - 34), LabelSide.Above))),
            (new GraphBox(at.X - 50, bottom, 100, 52), Loop((at.X - 20, bottom), (at.X - 50, bottom + 46), (at.X + 50, bottom + 46), (at.X + 20, bottom), new LabelSpot(new GraphPoint(at.X, bottom + 31), LabelSide.Above))),
            (new GraphBox(right, at.Y - 42, 90, 84), Loop((right, at.Y - 12), (right + 46, at.Y - 42), (right + 46, at.Y + 42), (right, at.Y + 12), new LabelSpot(new GraphPoint(right + 34, at.Y), LabelSide.Right))),
        ];
        foreach (var (reach, shape) in sides)
        {
            if (!obstacles.Any(o => o != card && o.Overlaps(reach)))
            {
                return shape with { Reach = reach };
            }
        }

        return sides[0].Shape with { Reach = sides[0].Reach };

        static ArrowPathShape Loop((double X, double Y) s, (double X, double Y) c1, (double X, double Y) c2, (double X, double Y) e, LabelSpot label) =>
            new(Bezier((new GraphPoint(s.X, s.Y), new GraphPoint(c1.X, c1.Y), new GraphPoint(c2.X, c2.Y), new GraphPoint(e.X, e.Y))), [label]);
    }

    /// <summary>Where along its path a label may go, best first: the middle, then either side of it.</summary>
    private static readonly double[] Fractions = [0.5, 0.35, 0.65, 0.2, 0.8];

    /// <summary>A cubic Bézier curve: its start, its two control points and its end.</summary>
    private static string Bezier((GraphPoint S, GraphPoint C1, GraphPoint C2, GraphPoint E) c) =>
        $"M {N(c.S.X)} {N(c.S.Y)} C {N(c.C1.X)} {N(c.C1.Y)} {N(c.C2.X)} {N(c.C2.Y)} {N(c.E.X)} {N(c.E.Y)}";

    /// <summary>The point of the curve at <paramref name="t"/> (0 its start, 1 its end).</summary>
    private static GraphPoint At((GraphPoint S, GraphPoint C1, GraphPoint C2, GraphPoint E) c, double t)
    {
        var u = 1 - t;
        double Of(double s, double c1, double c2, double e) => (u * u * u * s) + (3 * u * u * t * c1) + (3 * u * t * t * c2) + (t * t * t * e);
        return new GraphPoint(Of(c.S.X, c.C1.X, c.C2.X, c.E.X), Of(c.S.Y, c.C1.Y, c.C2.Y, c.E.Y));
    }

    /// <summary>The point at <paramref name="t"/> of a route's length.</summary>
    private static GraphPoint AlongRoute(IReadOnlyList<GraphPoint> route, double t)
    {
        var total = 0.0;
        for (var i = 1; i < route.Count; i++)
        {
            total += Distance(route[i - 1], route[i]);
        }

        var left = total * t;
        for (var i = 1; i < route.Count; i++)
        {
            var length = Distance(route[i - 1], route[i]);
            if (left <= length && length > 0)
            {
                var f = left / length;
                return new GraphPoint(route[i - 1].X + ((route[i].X - route[i - 1].X) * f), route[i - 1].Y + ((route[i].Y - route[i - 1].Y) * f));
            }

            left -= length;
        }

        return route[^1];

        static double Distance(GraphPoint a, GraphPoint b) => Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
    }

    /// <summary>Leaves and arrives sideways, in the direction from <paramref name="s"/> to <paramref name="e"/>.</summary>
    private static (GraphPoint, GraphPoint, GraphPoint, GraphPoint) Curve(GraphPoint s, GraphPoint e)
    {
        var bend = Math.Max(30, Math.Abs(e.X - s.X) / 2) * (e.X >= s.X ? 1 : -1);
        return (s, new GraphPoint(s.X + bend, s.Y), new GraphPoint(e.X - bend, e.Y), e);
    }

    /// <summary>Leaves sideways, arrives from above.</summary>
    private static (GraphPoint, GraphPoint, GraphPoint, GraphPoint) CurveDown(GraphPoint s, GraphPoint e)
    {
        var bend = Math.Max(30, Math.Abs(e.Y - s.Y) / 2);
        return (s, new GraphPoint(s.X + bend, s.Y), new GraphPoint(e.X, e.Y - bend), e);
    }

    private static string N(double v) => SvgNumber.F(v);

    /// <summary>The cards the page's <see cref="FreedStatus"/> marks freed, worked out once per parameters rather than per arrow.</summary>
    private IReadOnlySet<string> _freedByStatus = NoneFreedByStatus;

    private static readonly IReadOnlySet<string> NoneFreedByStatus = new HashSet<string>();

    private bool IsReleased(GraphArrow arrow) => arrow.Released || (arrow.FrameRow is null && _freedByStatus.Contains(arrow.From));

    private bool IsHighlighted(GraphArrow arrow) =>
        long.TryParse(arrow.To, out var to) && HighlightedIds.Contains(to) && (arrow.FrameRow is not null || (long.TryParse(arrow.From, out var from) && HighlightedIds.Contains(from)));

    /// <summary>A click, Enter or Space on a card: selects it, or clears the selection when it was selected.</summary>
    internal async Task SelectCardAsync(long id) => await SelectedIdChanged.InvokeAsync(id == SelectedId ? null : id);

    private void Zoom(double factor) => _scale = Math.Clamp(_scale * factor, MinScale, MaxScale);

    private void Fit() => (_scale, _tx, _ty) = (1, 0, 0);

    /// <summary>The keys <see cref="OnKeyDown"/> answers: the browser does not also scroll the page with them.</summary>
    /// <remarks>Space too: a focused card answers it (HeapCard selects on Enter or Space) and it bubbles here.</remarks>
    private static readonly string[] HandledKeys = ["+", "=", "-", "_", "0", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " "];

    private void OnKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "+" or "=":
                Zoom(ZoomStep);
                break;
            case "-" or "_":
                Zoom(1 / ZoomStep);
                break;
            case "0":
                Fit();
                break;
            case "ArrowLeft":
                _tx += PanStep;
                break;
            case "ArrowRight":
                _tx -= PanStep;
                break;
            case "ArrowUp":
                _ty += PanStep;
                break;
            case "ArrowDown":
                _ty -= PanStep;
                break;
        }
    }

    private void OnWheel(WheelEventArgs e) => Zoom(e.DeltaY < 0 ? ZoomStep : 1 / ZoomStep);

    private void OnPointerDown(PointerEventArgs e)
    {
        // Touch scrolls the viewport natively; a mouse drags the graph.
        if (e.PointerType != "mouse")
        {
            return;
        }

        _dragging = true;
        (_lastX, _lastY) = (e.ClientX, e.ClientY);
    }

    private void OnPointerMove(PointerEventArgs e)
    {
        if (!_dragging)
        {
            return;
        }

        _tx += e.ClientX - _lastX;
        _ty += e.ClientY - _lastY;
        (_lastX, _lastY) = (e.ClientX, e.ClientY);
    }

    private void EndDrag() => _dragging = false;

    /// <summary>What a drawing of the arrows was made from: the layout, its direction, the model's shape and its labels.</summary>
    private readonly record struct DrawingKey(GraphLayout Layout, bool Vertical, string Signature, int Labels)
    {
        public static DrawingKey Of(HeapGraphModel model, GraphLayout layout, bool vertical)
        {
            var hash = new HashCode();
            foreach (var arrow in model.Arrows)
            {
                hash.Add(arrow.Label);
            }

            return new DrawingKey(layout, vertical, model.Signature, hash.ToHashCode());
        }

        // the layout by reference: the layout cache hands back the same one for a shape that comes round again
        public bool Equals(DrawingKey other) =>
            ReferenceEquals(Layout, other.Layout) && Vertical == other.Vertical && Signature == other.Signature && Labels == other.Labels;

        public override int GetHashCode() => HashCode.Combine(Signature, Labels);
    }

    /// <summary>The arrows as drawn for a <see cref="DrawingKey"/>, and what the drawing covers.</summary>
    private sealed record Drawing(DrawingKey Key, IReadOnlyList<ArrowDrawing?> Arrows, GraphBox Bounds);

    /// <summary>
    /// A graph made ahead (<see cref="Prepare"/>) and what it was made from, compared by reference: a
    /// view made ahead hands the very same lists over when it is shown. The cursor's step too, since a
    /// cursor is moved in place.
    /// </summary>
    private sealed record Ahead(IReadOnlyList<HeapObject> Objects, IReadOnlyList<TraceFrame> Frames, IReadOnlyList<FreedCard> Freed, bool ShowShared,
        IReadOnlySet<long> Highlighted, long? SelectedId, HeapCursor? Heap, int? HeapStep, HeapGraphModel Model, Drawing? Drawing)
    {
        public bool Of(IReadOnlyList<HeapObject> objects, IReadOnlyList<TraceFrame> frames, IReadOnlyList<FreedCard> freed, bool showShared, IReadOnlySet<long> highlighted, long? selectedId, HeapCursor? heap) =>
            ReferenceEquals(objects, Objects) && ReferenceEquals(frames, Frames) && ReferenceEquals(freed, Freed) && showShared == ShowShared
            && ReferenceEquals(highlighted, Highlighted) && selectedId == SelectedId && ReferenceEquals(heap, Heap) && heap?.StepIndex == HeapStep;
    }

    /// <summary>An arrow as drawn: its path, and its label's spot when it has a label.</summary>
    private sealed record ArrowDrawing(string D, bool ShowLabel, LabelSpot Label);

    /// <summary>An arrow's SVG path and the spots on it where its label may go, best first (none for an arrow from a frame).</summary>
    /// <remarks><see cref="Reach"/>: where the path goes outside the boxes it joins (a self-loop), for the drawing's bounds.</remarks>
    private sealed record ArrowPathShape(string D, IReadOnlyList<LabelSpot> LabelSpots, GraphBox? Reach = null);

    /// <summary>
    /// What an arrow's path is drawn from. A route is compared by reference: the layout cache hands back
    /// the same array for an edge each time its shape comes round again.
    /// </summary>
    private readonly record struct PathKey(GraphPoint From, GraphPoint To, double FromHeight, double ToHeight, int FrameRow, IReadOnlyList<GraphPoint>? Route, bool Vertical);
}
