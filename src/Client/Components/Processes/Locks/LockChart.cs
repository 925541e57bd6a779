using Playground.Client.Components.Rendering;

namespace Playground.Client.Components.Processes.Locks;

/// <summary>One rectangle of a lock's chart: from <see cref="X"/> for <see cref="Width"/> pixels, <see cref="Holders"/> high, in <see cref="Pid"/>'s colour.</summary>
public sealed record LockChartBar(double X, double Width, int Holders, int Pid);

/// <summary>
/// A lock's holders over time as at most about two rectangles per pixel column. A contended Lock changes
/// hands tens of thousands of times in a few seconds; one rectangle per change made the page draw (and
/// diff, every frame while the run streams) that many SVG elements. A stretch narrower than a pixel
/// joins its column, which is as tall as the most holders in it and takes the colour of the process
/// that first brought it there; stretches with no holder draw nothing.
/// </summary>
public static class LockChart
{
    public static IReadOnlyList<LockChartBar> Bars(LockTrack track, double start, double end, double? time, double width) =>
        new Raster().Bars(track, start, end, time, width);

    /// <summary>
    /// The bars of one lock, remembered between calls. While a run streams the chart's bounds stay put for
    /// many frames (the page gives a live run room to grow, as the timeline does), and walking every
    /// change each frame was most of the frame: 60,000 changes of a contended Lock. The changes already
    /// folded are kept, with the two they were folded against; while those two are still where they were,
    /// nothing arrived late before them (an insertion would have moved them, a recount replaced them) and
    /// only the changes after them are folded. Any other change of bounds, instant or width starts over.
    /// The bars are the same as a fold of all the changes.
    /// </summary>
    public sealed class Raster
    {
        private Fold? _stable;
        private (double Start, double End, double? Time, double Width) _key;
        private LockChange? _lastFolded;
        private LockChange? _foldedAgainst;
        private IReadOnlyList<LockChartBar>? _drawn;
        private (double Start, double Scale) _drawnAt;

        /// <summary>
        /// False when the last call ran out of its budget: it returned the last whole chart moved to the new
        /// bounds (a live run's chart that grew a step, a cursor moved in a replay), and a later call goes on.
        /// </summary>
        public bool Complete { get; private set; } = true;

        /// <summary>
        /// The chart's bars; <paramref name="budget"/> caps the changes folded by this call, so new bounds for
        /// a Lock with 60,000 changes are folded over a few frames. Without a budget they are those of
        /// <see cref="LockChart.Bars"/>.
        /// </summary>
        public IReadOnlyList<LockChartBar> Bars(LockTrack track, double start, double end, double? time, double width, int budget = int.MaxValue)
        {
            ArgumentNullException.ThrowIfNull(track);
            var changes = track.Changes;
            var shown = time is { } t ? track.ChangesUntil(t) : changes.Count;
            var until = Math.Min(time ?? end, end);
            var scale = width / Math.Max(end - start, 1e-6);
            var key = (start, end, time, width);
            Complete = true;
            if (_stable is null || _key != key || !StillInPlace(changes, _stable.Next))
            {
                _stable = new Fold();
                _key = key;
            }

            // A change's stretch ends where the next one starts: with a next change it never moves again.
            var folded = 0;
            while (_stable.Next + 1 < shown)
            {
                if (folded++ == budget)
                {
                    Complete = false;
                    RememberWhereFolded(changes);
                    return _drawn is null ? [] : RasterMove.Moved(_drawn, _drawnAt, start, scale, (until - start) * scale, b => (b.X, b.Width), (b, x, w) => b with { X = x, Width = w });
                }

                _stable.Add(changes[_stable.Next], changes[_stable.Next + 1].Timestamp, start, scale);
            }

            RememberWhereFolded(changes);
            var fold = _stable.Copy();
            while (fold.Next < shown)
            {
                fold.Add(changes[fold.Next], fold.Next + 1 < shown ? changes[fold.Next + 1].Timestamp : until, start, scale);
            }

            fold.Flush();
            _drawn = fold.Result;
            _drawnAt = (start, scale);
            return fold.Result;
        }

        private void RememberWhereFolded(IReadOnlyList<LockChange> changes)
        {
            if (_stable is { Next: > 0 } stable)
            {
                _lastFolded = changes[stable.Next - 1];
                _foldedAgainst = changes[stable.Next];
            }
        }

        private bool StillInPlace(IReadOnlyList<LockChange> changes, int next) =>
            next == 0 || (next < changes.Count && ReferenceEquals(changes[next - 1], _lastFolded) && ReferenceEquals(changes[next], _foldedAgainst));
    }

    /// <summary>Changes folded so far: the bars, and the pixel column still being gathered.</summary>
    private sealed class Fold
    {
        private List<LockChartBar> _bars = [];
        private int _column = -1;
        private int _columnHolders;
        private int _columnPid;

        /// <summary>The index of the next change to fold.</summary>
        public int Next { get; private set; }

        public IReadOnlyList<LockChartBar> Result => _bars;

        public Fold Copy() => new()
        {
            _bars = [.. _bars],
            _column = _column,
            _columnHolders = _columnHolders,
            _columnPid = _columnPid,
            Next = Next,
        };

        /// <summary>Folds a change whose stretch lasts until <paramref name="endsAt"/>.</summary>
        public void Add(LockChange change, double endsAt, double start, double scale)
        {
            Next++;
            var x0 = (change.Timestamp - start) * scale;
            var x1 = (endsAt - start) * scale;
            if (change.Holders == 0 || x1 <= x0)
            {
                return;
            }

            if (x1 - x0 >= 1)
            {
                Flush();
                Append(new LockChartBar(x0, x1 - x0, change.Holders, change.Pid));
                return;
            }

            var c = (int)Math.Floor(x0);
            if (c != _column)
            {
                Flush();
                _column = c;
            }

            if (change.Holders > _columnHolders)
            {
                _columnHolders = change.Holders;
                _columnPid = change.Pid;
            }
        }

        public void Flush()
        {
            if (_column >= 0 && _columnHolders > 0)
            {
                Append(new LockChartBar(_column, 1, _columnHolders, _columnPid));
            }

            _column = -1;
            _columnHolders = 0;
        }

        private void Append(LockChartBar bar)
        {
            if (_bars.Count > 0 && _bars[^1] is var last && last.Holders == bar.Holders && last.Pid == bar.Pid && last.X + last.Width >= bar.X - 0.01)
            {
                _bars[^1] = last with { Width = Math.Max(last.X + last.Width, bar.X + bar.Width) - last.X };
                return;
            }

            _bars.Add(bar);
        }
    }
}
