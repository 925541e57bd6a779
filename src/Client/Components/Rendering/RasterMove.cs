namespace Playground.Client.Components.Rendering;

/// <summary>
/// Bars drawn in pixels for one stretch of time, placed where they fall in another: what a chart shows
/// while it folds its own bars for new bounds over a few frames. A bar stands for a stretch of time, so
/// it is shifted by the difference of the two starts and stretched by the ratio of the two scales (pixels
/// per second), then cut to what the new view shows, from 0 to <c>right</c>.
/// </summary>
public static class RasterMove
{
    public static List<T> Moved<T>(
        IReadOnlyList<T> bars,
        (double From, double Scale) drawnAt,
        double from,
        double scale,
        double right,
        Func<T, (double X, double Width)> span,
        Func<T, double, double, T> place)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(place);
        var moved = new List<T>(bars.Count);
        var stretch = scale / drawnAt.Scale;
        var shift = (drawnAt.From - from) * scale;
        foreach (var bar in bars)
        {
            var (x, width) = span(bar);
            var x0 = Math.Max(0, shift + (x * stretch));
            var x1 = Math.Min(right, shift + ((x + width) * stretch));
            if (x1 > x0)
            {
                moved.Add(place(bar, x0, x1 - x0));
            }
        }

        return moved;
    }
}
