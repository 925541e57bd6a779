using Playground.Client.Components.Rendering;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>One rectangle of a lane, in pixels from the left of the drawing.</summary>
public sealed record TimelineBar(double X, double Width, LaneActivity Activity, string Title);

/// <summary>An arrow to draw, in pixels from the left, between two lanes.</summary>
public sealed record ArrowLine(double FromX, int FromPid, double ToX, int ToPid, MessageArrow Message);

/// <summary>
/// Turns a lane's stretches and the run's messages into what the SVG draws for a view and a width.
/// A lane is at most about two rectangles per pixel column however many events it holds: stretches
/// narrower than a pixel are summed per column and the column takes the colour of the activity that
/// filled most of it, so 100,000 lock round-trips zoomed out cost as much as a few hundred pixels.
/// </summary>
public static class TimelineRaster
{
    /// <summary>Above this many arrows in view, one per lane pair and few pixels is drawn.</summary>
    public const int MaxArrows = 400;

    private const double ArrowBucketPixels = 4;
    private static readonly int ActivityCount = Enum.GetValues<LaneActivity>().Length;

    /// <summary>The bars of <paramref name="lane"/> between the view's bounds, up to <paramref name="until"/> (the replay's instant, or now).</summary>
    public static IReadOnlyList<TimelineBar> Bars(TimelineLane lane, TimelineViewport view, double until, double width) =>
        new LaneRaster().Bars(lane, view, until, width);

    /// <summary>
    /// The bars of one lane, remembered between calls: while a run streams, the view and the width stay
    /// the same from one frame to the next and only the lane's open stretch and the new ones change, so
    /// the closed stretches already folded into bars and columns are not walked again. (A lane's stretches
    /// only grow at the end: <see cref="TimelineLane.Enter"/> closes the open one and appends.) Any other
    /// change of view, width or lane starts over. The bars are the same as <see cref="Bars"/>'s.
    /// </summary>
    public sealed class LaneRaster
    {
        private Fold? _stable;
        private (TimelineLane Lane, double From, double To, double Width)? _key;
        private double _until = double.NegativeInfinity;
        private IReadOnlyList<TimelineBar>? _drawn;
        private (double From, double Scale) _drawnAt;

        /// <summary>
        /// False when the last call ran out of its budget before the lane was folded for its view: it then
        /// returned the last whole drawing moved and stretched to the new view, and a later call goes on
        /// from where this one stopped.
        /// </summary>
        public bool Complete { get; private set; } = true;

        /// <summary>
        /// The lane's bars. <paramref name="budget"/> caps the closed stretches folded by this call: a new
        /// view (a zoom, or a live view that grew a step) of a lane of 45,000 stretches is then folded over a
        /// few frames, each showing the previous drawing where the new one is not ready, instead of in one
        /// frame of 30 ms. Without a budget the bars are those of <see cref="TimelineRaster.Bars"/>.
        /// </summary>
        public IReadOnlyList<TimelineBar> Bars(TimelineLane lane, TimelineViewport view, double until, double width, int budget = int.MaxValue)
        {
            ArgumentNullException.ThrowIfNull(lane);
            ArgumentNullException.ThrowIfNull(view);
            var end = Math.Min(view.To, until);
            Complete = true;
            if (end < view.From || width <= 0)
            {
                _stable = null;
                return [];
            }

            var key = (lane, view.From, view.To, width);
            if (_stable is null || _key != key || until < _until || _stable.Next > lane.Segments.Count)
            {
                _stable = new Fold(Math.Max(0, lane.LastStartingAtOrBefore(view.From)));
                _key = key;
            }

            _until = until;
            var scale = width / view.Span;
            var segments = lane.Segments;

            // Closed stretches that end inside the drawn part never change again: fold them for good.
            var folded = 0;
            while (_stable.Next < segments.Count && segments[_stable.Next] is { End: { } closedAt } closed && closedAt <= end && closed.Start <= end)
            {
                if (folded++ == budget)
                {
                    Complete = false;
                    return _drawn is null ? [] : RasterMove.Moved(_drawn, _drawnAt, view.From, scale, (end - view.From) * scale, b => (b.X, b.Width), (b, x, w) => b with { X = x, Width = w });
                }

                _stable.Add(closed, view, until, end, scale);
            }

            var fold = _stable.Copy();
            while (fold.Next < segments.Count && segments[fold.Next].Start <= end)
            {
                fold.Add(segments[fold.Next], view, until, end, scale);
            }

            fold.FlushColumn();
            _drawn = fold.Result;
            _drawnAt = (view.From, scale);
            return fold.Result;
        }
    }

    /// <summary>Stretches folded so far: the bars, and the pixel column still being summed.</summary>
    private sealed class Fold(int next)
    {
        private List<TimelineBar> _bars = [];
        private double[] _column = new double[ActivityCount];
        private int _columnIndex = -1;

        /// <summary>The index of the next stretch to fold.</summary>
        public int Next { get; private set; } = next;

        public IReadOnlyList<TimelineBar> Result => _bars;

        public Fold Copy() => new(Next) { _bars = [.. _bars], _column = (double[])_column.Clone(), _columnIndex = _columnIndex };

        public void Add(TimelineSegment segment, TimelineViewport view, double until, double end, double scale)
        {
            Next++;
            var x0 = (Math.Max(segment.Start, view.From) - view.From) * scale;
            var x1 = (Math.Min(segment.EndOr(until), end) - view.From) * scale;
            if (x1 - x0 >= 1)
            {
                Flush(_bars, _column, ref _columnIndex);
                Append(_bars, new TimelineBar(x0, x1 - x0, segment.Activity, segment.Describe()));
            }
            else if (x1 > x0 || segment.End is null)
            {
                var c = (int)Math.Floor(x0);
                if (c != _columnIndex)
                {
                    Flush(_bars, _column, ref _columnIndex);
                    _columnIndex = c;
                }

                _column[(int)segment.Activity] += Math.Max(x1 - x0, 1e-9);
            }
        }

        public void FlushColumn() => Flush(_bars, _column, ref _columnIndex);
    }

    private static void Flush(List<TimelineBar> bars, double[] column, ref int columnIndex)
    {
        if (columnIndex < 0)
        {
            return;
        }

        var most = 0;
        for (var a = 1; a < column.Length; a++)
        {
            if (column[a] > column[most])
            {
                most = a;
            }
        }

        var activity = (LaneActivity)most;
        Append(bars, new TimelineBar(columnIndex, 1, activity, "mostly " + activity.Describe()));
        Array.Clear(column);
        columnIndex = -1;
    }

    /// <summary>Adds a bar, or widens the last one when it is the same activity and they touch.</summary>
    private static void Append(List<TimelineBar> bars, TimelineBar bar)
    {
        if (bars.Count > 0 && bars[^1] is var last && last.Activity == bar.Activity && last.X + last.Width >= bar.X - 0.5)
        {
            var right = Math.Max(last.X + last.Width, bar.X + bar.Width);
            bars[^1] = last with { Width = right - last.X, Title = last.Title == bar.Title ? last.Title : "mostly " + bar.Activity.Describe() };
            return;
        }

        bars.Add(bar);
    }

    /// <summary>
    /// The messages received by <paramref name="until"/> whose flight crosses the view; when there are
    /// more than <see cref="MaxArrows"/>, the first of each lane pair per few pixels stands for the rest.
    /// </summary>
    public static IReadOnlyList<ArrowLine> Arrows(IReadOnlyList<MessageArrow> messages, TimelineViewport view, double until, double width, out int inView) =>
        new ArrowFold().Arrows(messages, view, until, width, out inView);

    /// <summary>
    /// The arrows of a run, remembered between calls like <see cref="LaneRaster"/>: while a run streams,
    /// the view and the width stay put and the run's messages only grow at the end (a message is added
    /// when its get or recv is seen), so only the messages added since the last frame are looked at, and
    /// a Queue with 25,000 messages costs a frame its new ones, not all of them. A message received after
    /// <c>until</c> (another process's pipe ran ahead) is kept aside and tried again next time. Any other
    /// change (view, width, an earlier <c>until</c>, another list) starts over. The arrows are the same
    /// as <see cref="Arrows"/>'s.
    /// </summary>
    public sealed class ArrowFold
    {
        private (IReadOnlyList<MessageArrow> Messages, double From, double To, double Width)? _key;
        private double _until = double.NegativeInfinity;
        private int _next;
        private readonly List<MessageArrow> _notYetReceived = [];
        private readonly List<ArrowLine> _visible = [];
        private readonly List<ArrowLine> _thinned = [];
        private readonly HashSet<(int, int, long)> _seen = [];
        private int _inView;

        public IReadOnlyList<ArrowLine> Arrows(IReadOnlyList<MessageArrow> messages, TimelineViewport view, double until, double width, out int inView)
        {
            ArgumentNullException.ThrowIfNull(messages);
            ArgumentNullException.ThrowIfNull(view);
            var key = (messages, view.From, view.To, width);
            if (_key != key || until < _until || _next > messages.Count)
            {
                _key = key;
                _next = 0;
                _notYetReceived.Clear();
                _visible.Clear();
                _thinned.Clear();
                _seen.Clear();
                _inView = 0;
            }

            _until = until;
            var scale = width / view.Span;
            if (_notYetReceived.Count > 0)
            {
                var waiting = _notYetReceived.ToArray();
                _notYetReceived.Clear();
                foreach (var m in waiting)
                {
                    Take(m, view, until, scale);
                }
            }

            for (; _next < messages.Count; _next++)
            {
                Take(messages[_next], view, until, scale);
            }

            inView = _inView;
            return _inView <= MaxArrows ? [.. _visible] : [.. _thinned];
        }

        private void Take(MessageArrow m, TimelineViewport view, double until, double scale)
        {
            if (m.SentAt > view.To || m.ReceivedAt < view.From)
            {
                return;
            }

            if (m.ReceivedAt > until)
            {
                _notYetReceived.Add(m);
                return;
            }

            var arrow = new ArrowLine((m.SentAt - view.From) * scale, m.FromPid, (m.ReceivedAt - view.From) * scale, m.ToPid, m);
            _inView++;

            // Past the cap, the first arrow of each lane pair per few pixels stands for the rest: the
            // thinned list is kept from the first arrow on, so it is ready when the cap is crossed, and
            // the full list is not needed any more once it has been.
            if (_inView <= MaxArrows)
            {
                _visible.Add(arrow);
            }
            else
            {
                _visible.Clear();
            }

            if (_seen.Add((arrow.FromPid, arrow.ToPid, (long)Math.Floor(arrow.FromX / ArrowBucketPixels))))
            {
                _thinned.Add(arrow);
            }
        }
    }
}
