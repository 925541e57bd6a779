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
    public static IReadOnlyList<LockChartBar> Bars(LockTrack track, double start, double end, double? time, double width)
    {
        ArgumentNullException.ThrowIfNull(track);
        var bars = new List<LockChartBar>();
        var changes = track.Changes;
        var shown = time is { } t ? track.ChangesUntil(t) : changes.Count;
        var until = Math.Min(time ?? end, end);
        var scale = width / Math.Max(end - start, 1e-6);
        var column = -1;
        var columnHolders = 0;
        var columnPid = 0;
        for (var i = 0; i < shown; i++)
        {
            var change = changes[i];
            var x0 = (change.Timestamp - start) * scale;
            var x1 = ((i + 1 < shown ? changes[i + 1].Timestamp : until) - start) * scale;
            if (change.Holders == 0 || x1 <= x0)
            {
                continue;
            }

            if (x1 - x0 >= 1)
            {
                Flush();
                Append(new LockChartBar(x0, x1 - x0, change.Holders, change.Pid));
                continue;
            }

            var c = (int)Math.Floor(x0);
            if (c != column)
            {
                Flush();
                column = c;
            }

            if (change.Holders > columnHolders)
            {
                columnHolders = change.Holders;
                columnPid = change.Pid;
            }
        }

        Flush();
        return bars;

        void Flush()
        {
            if (column >= 0 && columnHolders > 0)
            {
                Append(new LockChartBar(column, 1, columnHolders, columnPid));
            }

            column = -1;
            columnHolders = 0;
        }

        void Append(LockChartBar bar)
        {
            if (bars.Count > 0 && bars[^1] is var last && last.Holders == bar.Holders && last.Pid == bar.Pid && last.X + last.Width >= bar.X - 0.01)
            {
                bars[^1] = last with { Width = Math.Max(last.X + last.Width, bar.X + bar.Width) - last.X };
                return;
            }

            bars.Add(bar);
        }
    }
}
