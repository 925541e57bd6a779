using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Playground.Client.Components.Rendering;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>Draws a <see cref="ProcessTimeline"/>; holds only the view's own state (zoom, width, drag).</summary>
public sealed partial class ProcessTimelineView
{
    /// <summary>Below this many arrows in view each is drawn with its value; above, they are one path.</summary>
    public const int MaxLabelledArrows = 40;

    private const double ZoomStep = 1.5;
    private const double PanStep = 0.25;
    private const double CursorStep = 0.01;
    private const double LaneHeight = 18;
    /// <summary>Room between two lanes for the labels of the messages that pass between them (11 px text and its halo).</summary>
    private const double LaneGap = 16;
    private const double RulerHeight = 22;
    private const double DefaultWidth = 800;
    private const double DragThresholdPixels = 3;
    private const double DeadlockLabelWidth = 72;

    /// <summary>
    /// The closed stretches a lane folds per frame for a new view (see <see cref="TimelineRaster.LaneRaster"/>):
    /// some 5 ms of the browser's interpreted .NET; a lane of 45,000 takes three frames to catch up.
    /// </summary>
    private const int FoldBudget = 15_000;

    /// <summary>A label is drawn only this far from the last one drawn, so crowded arrows do not print over each other.</summary>
    private const double LabelSpacingPixels = 28;

    /// <summary>About the width of a character of an arrow's label (11 px monospace text: 6.6 px, and some to spare).</summary>
    private const double LabelCharWidth = 7.2;

    /// <summary>How far an 11 px label's baseline sits below the middle of its text.</summary>
    private const double LabelHalfHeight = 4;

    /// <summary>The least room between two labels in one gap.</summary>
    private const double LabelGapPixels = 6;

    /// <summary>
    /// Messages received the same way this close to the last one are drawn as a bundle: at a few pixels
    /// apart their heads (7 px) and values no longer read one by one.
    /// </summary>
    private const double BundlePixels = 8;

    private static readonly LaneActivity[] Legend = Enum.GetValues<LaneActivity>();

    private ElementReference _plot;
    private DotNetObjectReference<ProcessTimelineView>? _self;
    private IJSObjectReference? _widthObserver;
    private double _width = DefaultWidth;
    private TimelineViewport? _zoomed;
    private TimelineViewport _view = TimelineViewport.Fit(0, 1);
    private IReadOnlyList<TimelineLane> _lanes = [];
    private List<LaneRow> _rows = [];
    private readonly Dictionary<int, TimelineRaster.LaneRaster> _rasters = [];
    private ProcessTimeline? _rastersOf;
    private bool _folding;
    private readonly RedrawAfterPaint _foldOn = new();
    private readonly TimelineRaster.ArrowFold _wholeRunArrows = new();
    private readonly TimelineRaster.ArrowFold _zoomedArrows = new();
    private IReadOnlyList<ArrowLine> _arrows = [];
    private IReadOnlyList<(double X, string Label)> _ticks = [];
    /// <summary>About the width of a character of a tick's label (11 px text), to tell whether it fits before the edge.</summary>
    private const double TickLabelCharWidth = 6.5;

    private bool _arrowsLabelled;
    private IReadOnlyList<ArrowBundle> _bundles = [];
    private HashSet<ArrowBundle> _labelled = [];
    private int _arrowsInView;
    private double? _cursorX;
    private ClaimedKeys? _keys;
    private Drag _drag = Drag.None;
    private double _dragStartX;

    private enum Drag
    {
        None,
        Cursor,
        Pan,
    }

    [Parameter, EditorRequired] public ProcessTimeline Timeline { get; set; } = null!;

    /// <summary>The instant the page shows (a replay's position); null shows everything up to now.</summary>
    [Parameter] public double? Until { get; set; }

    /// <summary>The cursor's instant, or null when none is placed.</summary>
    [Parameter] public double? Cursor { get; set; }

    [Parameter] public EventCallback<double?> CursorChanged { get; set; }

    /// <summary>The processes on a deadlock's cycle: their lanes are outlined and labelled "in deadlock".</summary>
    [Parameter] public IReadOnlyCollection<int> Deadlocked { get; set; } = [];

    /// <summary>The run is still going: the whole-run view leaves room to grow (see <see cref="TimelineViewport.FitLive"/>).</summary>
    [Parameter] public bool Live { get; set; }

    private bool InDeadlock(TimelineLane lane) => Deadlocked.Contains(lane.Pid);

    /// <summary>
    /// The "in deadlock" label starts where the lane's last stretch (the wait that never ends) does, so it
    /// reads as "from here on", and stays inside the plot whatever the zoom.
    /// </summary>
    private double DeadlockLabelX(TimelineLane lane)
    {
        var start = lane.Segments.Count > 0 ? _view.FractionOf(lane.Segments[^1].Start) * _width : 0;
        return Math.Clamp(start + 4, 2, Math.Max(2, _width - DeadlockLabelWidth - 4));
    }

    private string LaneNameClass(TimelineLane lane) => InDeadlock(lane) ? "lane-name deadlocked" : "lane-name";

    private string LaneTitle(TimelineLane lane) => $"{lane.Name} (pid {lane.Pid})" + (InDeadlock(lane) ? ", in deadlock" : string.Empty);

    private double End => Until ?? Timeline.Now;

    private double SvgHeight => RulerHeight + (_rows.Count * (LaneHeight + LaneGap));

    private double LaneTop(int row) => RulerHeight + (LaneGap / 2) + (row * (LaneHeight + LaneGap));

    private double LaneMiddle(int pid)
    {
        var row = _rows.FindIndex(r => r.Lane.Pid == pid);
        return LaneTop(Math.Max(row, 0)) + (LaneHeight / 2);
    }

    private string RangeText => Timeline.IsEmpty || _view.Span <= 0
        ? "No events yet"
        : $"{TimeAxis.Format(_view.From - Timeline.Origin, RulerStep)} – {TimeAxis.Format(_view.To - Timeline.Origin, RulerStep)}"
          + (_zoomed is null ? " (the whole run)" : $" of {TimeAxis.Format(Timeline.Duration, Math.Max(RulerStep, Timeline.Duration / 1000))}");

    /// <summary>The ruler's step: the range is written in the ruler's unit (the run's length, zoomed far in, to a thousandth of itself).</summary>
    private double RulerStep => TimeAxis.StepFor(_view.Span, Math.Max(_width, 1));

    private string AriaSummary => $"{_rows.Count} processes over {TimeAxis.Format(Timeline.Duration, Math.Max(Timeline.Duration, 1e-6) / 10)}, {_arrowsInView} messages in view";

    private string ArrowCaption => _arrowsLabelled
        ? $"{_arrowsInView} messages in view"
        : $"{_arrowsInView:N0} messages in view: {_arrows.Count:N0} drawn, zoom in to see their values";

    private string ArrowsPath
    {
        get
        {
            var d = new StringBuilder();
            foreach (var a in _arrows)
            {
                SvgNumber.Append(d.Append('M'), a.FromX, 1);
                SvgNumber.Append(d.Append(' '), LaneMiddle(a.FromPid), 1);
                SvgNumber.Append(d.Append('L'), a.ToX, 1);
                SvgNumber.Append(d.Append(' '), LaneMiddle(a.ToPid), 1);
            }

            return d.ToString();
        }
    }

    // Each lane keeps two rasters (and the arrows two folds): one for the whole-run view and one for a
    // zoomed view. Zooming in and back out then leaves the whole run's raster where it was, so "fit"
    // folds only what arrived while zoomed instead of every stretch of the run again.
    private TimelineRaster.LaneRaster Raster(int pid, bool zoomedIn)
    {
        var key = zoomedIn ? ~pid : pid;
        return _rasters.TryGetValue(key, out var raster) ? raster : _rasters[key] = new TimelineRaster.LaneRaster();
    }

    private static string Px(double value) => SvgNumber.Format(value, 2);

    protected override void OnParametersSet()
    {
        if (Timeline.IsEmpty)
        {
            _lanes = [];
            _rows = [];
            _arrows = [];
            _bundles = [];
            _ticks = [];
            _arrowsInView = 0;
            _cursorX = null;
            return;
        }

        var fit = Live && Until is null ? TimelineViewport.FitLive(Timeline.Origin, End) : TimelineViewport.Fit(Timeline.Origin, End);
        var zoomedIn = _zoomed is { } z && !z.Covers(fit.From, fit.To);
        _view = zoomedIn ? _zoomed! : fit;
        _lanes = Timeline.Lanes;
        if (!ReferenceEquals(_rastersOf, Timeline))
        {
            _rasters.Clear();
            _rastersOf = Timeline;
        }

        _rows = [.. _lanes.Select((lane, row) => new LaneRow(lane, LanePaths.Of(Raster(lane.Pid, zoomedIn).Bars(lane, _view, End, _width, FoldBudget), LaneTop(row), LaneHeight)))];
        _folding = _lanes.Any(lane => !Raster(lane.Pid, zoomedIn).Complete);
        _arrows = (zoomedIn ? _zoomedArrows : _wholeRunArrows).Arrows(Timeline.Arrows, _view, End, _width, out _arrowsInView);
        _arrowsLabelled = _arrows.Count <= MaxLabelledArrows;
        _bundles = _arrowsLabelled ? ArrowBundle.Of(_arrows, BundlePixels) : [];
        _labelled = LabelsWithRoom(_bundles);
        _ticks = TimeAxis.Ticks(_view, Timeline.Origin, _width);
        _cursorX = Cursor is { } c && c >= _view.From && c <= _view.To ? _view.FractionOf(c) * _width : null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/timeline.js");
                _self = DotNetObjectReference.Create(this);
                _widthObserver = module is null ? null : await module.InvokeAsync<IJSObjectReference>("observeWidth", _plot, _self);
            }
            catch (JSException)
            {
                // no measurement: the default width stays
            }

            _keys = await ClaimedKeys.ClaimAsync(JS, _plot, HandledKeys);
        }

        if (_folding)
        {
            // a lane is still being folded for a new view
            await _foldOn.RequestAsync(() => _folding, () =>
            {
                OnParametersSet();
                StateHasChanged();
            });
        }
    }

    /// <summary>
    /// The arrows and bundles whose label is drawn: each clear of every other label drawn in the same gap
    /// between lanes, by the text's whole width where it is written (<see cref="LabelPlace"/>), and at
    /// least <see cref="LabelSpacingPixels"/> from it. Bundles come first: a bundle's count says more at
    /// this zoom than the value of one arrow beside it.
    /// </summary>
    private HashSet<ArrowBundle> LabelsWithRoom(IReadOnlyList<ArrowBundle> bundles)
    {
        var shown = new HashSet<ArrowBundle>();
        var taken = new List<(double Baseline, double Left, double Right)>();
        foreach (var bundle in bundles.OrderByDescending(b => b.IsBundle).ThenBy(b => b.MiddleX))
        {
            var (x, anchor) = LabelPlace(bundle);
            var length = bundle.Label.Length * LabelCharWidth;
            var (left, right) = anchor == "end" ? (x - length, x) : (x, x + length);
            var baseline = LabelBaseline(bundle);
            if (taken.TrueForAll(t => t.Baseline != baseline || left >= t.Right + LabelGapPixels || right <= t.Left - LabelGapPixels)
                && taken.TrueForAll(t => t.Baseline != baseline || Math.Abs(left - t.Left) >= LabelSpacingPixels))
            {
                shown.Add(bundle);
                taken.Add((baseline, left, right));
            }
        }

        return shown;
    }

    /// <summary>
    /// Where an arrow's or a bundle's label goes: just right of its middle, or just left of it (ending
    /// there) when it would run past the drawing's right edge, as the last messages of a run do.
    /// </summary>
    private (double X, string Anchor) LabelPlace(ArrowBundle bundle)
    {
        var middle = bundle.MiddleX;
        return middle + 3 + (bundle.Label.Length * LabelCharWidth) > _width ? (middle - 3, "end") : (middle + 3, "start");
    }

    /// <summary>
    /// The baseline of an arrow's or a bundle's label: in the gap between two lanes nearest the arrow's
    /// middle, never over a lane, where it would hide the bars of the process it crosses.
    /// </summary>
    private double LabelBaseline(ArrowBundle bundle)
    {
        var middle = (LaneMiddle(bundle.FromPid) + LaneMiddle(bundle.ToPid)) / 2;
        if (_rows.Count < 2)
        {
            // one lane (a process that puts on its own queue): no gap between lanes, so over the lane
            return middle + LabelHalfHeight;
        }

        var gap = Math.Clamp(Math.Round((middle - RulerHeight) / (LaneHeight + LaneGap)), 1, _rows.Count - 1);
        return RulerHeight + (gap * (LaneHeight + LaneGap)) + LabelHalfHeight;
    }

    [JSInvokable]
    public void OnWidthChanged(double width)
    {
        _width = Math.Max(100, width);
        OnParametersSet();
        StateHasChanged();
    }

    private void Zoom(double factor) => ZoomAt(_cursorX is { } x ? x / _width : 0.5, factor);

    private void ZoomAt(double fraction, double factor)
    {
        if (Timeline.IsEmpty)
        {
            return;
        }

        // a live run's whole-run view has room to grow beyond the run (FitLive): zoom from the run itself
        var from = _zoomed ?? TimelineViewport.Fit(Timeline.Origin, End);
        var at = Math.Clamp(from.FractionOf(_view.TimeAt(fraction)), 0, 1);
        var zoomed = from.ZoomAt(at, factor, Timeline.Origin, End);
        _zoomed = zoomed.Covers(Timeline.Origin, End) ? null : zoomed;
        OnParametersSet();
    }

    private void Pan(double fraction)
    {
        if (_zoomed is null || Timeline.IsEmpty)
        {
            return;
        }

        _zoomed = _view.PanBy(fraction, Timeline.Origin, End);
        OnParametersSet();
    }

    private void Fit()
    {
        _zoomed = null;
        OnParametersSet();
    }

    private async Task MoveCursorTo(double time)
    {
        if (Timeline.IsEmpty)
        {
            return;
        }

        Cursor = Math.Clamp(time, Timeline.Origin, End);
        if (Cursor < _view.From || Cursor > _view.To)
        {
            _zoomed = _zoomed is null ? null : _view.PanBy((Cursor.Value - _view.TimeAt(0.5)) / _view.Span, Timeline.Origin, End);
        }

        await CursorChanged.InvokeAsync(Cursor);
        OnParametersSet();
    }

    /// <summary>The keys <see cref="OnKeyDown"/> answers: the browser does not also scroll the page with them.</summary>
    private static readonly string[] HandledKeys = ["ArrowRight", "ArrowLeft", "Home", "End", "+", "=", "-", "_", "PageDown", "PageUp", "0"];

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        var step = e.ShiftKey ? CursorStep * 10 : CursorStep;
        var cursor = Cursor ?? _view.TimeAt(0.5);
        switch (e.Key)
        {
            case "ArrowRight":
                await MoveCursorTo(cursor + (step * _view.Span));
                break;
            case "ArrowLeft":
                await MoveCursorTo(cursor - (step * _view.Span));
                break;
            case "Home":
                await MoveCursorTo(Timeline.Origin);
                break;
            case "End":
                await MoveCursorTo(End);
                break;
            case "+" or "=":
                Zoom(ZoomStep);
                break;
            case "-" or "_":
                Zoom(1 / ZoomStep);
                break;
            case "PageDown":
                Pan(PanStep);
                break;
            case "PageUp":
                Pan(-PanStep);
                break;
            case "0":
                Fit();
                break;
        }
    }

    private void OnWheel(WheelEventArgs e)
    {
        if (e.ShiftKey || Math.Abs(e.DeltaX) > Math.Abs(e.DeltaY))
        {
            Pan(Math.Sign(e.ShiftKey ? e.DeltaY : e.DeltaX) * PanStep / 2);
        }
        else if (e.DeltaY != 0)
        {
            ZoomAt(Math.Clamp(e.OffsetX / _width, 0, 1), e.DeltaY < 0 ? ZoomStep : 1 / ZoomStep);
        }
    }

    /// <summary>A press on the ruler starts a pan; a press on the lanes places the cursor and drags it.</summary>
    private async Task OnPointerDown(PointerEventArgs e)
    {
        _dragStartX = e.OffsetX;
        if (e.OffsetY < RulerHeight)
        {
            _drag = Drag.Pan;
        }
        else
        {
            _drag = Drag.Cursor;
            await MoveCursorTo(_view.TimeAt(e.OffsetX / _width));
        }
    }

    private async Task OnPointerMove(PointerEventArgs e)
    {
        switch (_drag)
        {
            case Drag.Cursor:
                await MoveCursorTo(_view.TimeAt(e.OffsetX / _width));
                break;
            case Drag.Pan when Math.Abs(e.OffsetX - _dragStartX) >= DragThresholdPixels:
                Pan((_dragStartX - e.OffsetX) / _width);
                _dragStartX = e.OffsetX;
                break;
            default:
                break;
        }
    }

    private void OnPointerUp(PointerEventArgs e) => _drag = Drag.None;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_widthObserver is not null)
            {
                await _widthObserver.InvokeVoidAsync("dispose");
                await _widthObserver.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // the page is gone with its observer
        }

        if (_keys is not null)
        {
            await _keys.DisposeAsync();
        }

        _self?.Dispose();
    }

    private sealed record LaneRow(TimelineLane Lane, IReadOnlyList<(LaneActivity Activity, string Path)> Paths);
}
