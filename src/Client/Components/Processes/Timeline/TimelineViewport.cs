namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// The stretch of time the timeline shows, from <see cref="From"/> to <see cref="To"/> (seconds of
/// time.monotonic()). Zooming keeps the instant under the pointer where it is; neither zoom nor pan
/// leaves the run's bounds.
/// </summary>
public sealed record TimelineViewport(double From, double To)
{
    /// <summary>The narrowest view: 20 µs across, finer than the instrumentation's own overhead per event.</summary>
    public const double MinimumSpan = 20e-6;

    public double Span => To - From;

    /// <summary>The whole run; a run of one instant still gets a visible width.</summary>
    public static TimelineViewport Fit(double origin, double now) =>
        new(origin, Math.Max(now, origin + MinimumSpan));

    /// <summary>
    /// The whole of a run still going, with room to grow: the span is rounded up to the next of 1, 1.5,
    /// 2, 3, 5 or 7.5 times a power of ten, so the view (and every pixel the lanes were drawn at) stays
    /// put for many frames while the run streams, and the lanes fill it from the left.
    /// </summary>
    public static TimelineViewport FitLive(double origin, double now)
    {
        var span = Math.Max(now - origin, MinimumSpan) * 1.05;
        var decade = Math.Pow(10, Math.Floor(Math.Log10(span)));
        foreach (var step in LiveSteps)
        {
            if (step * decade >= span)
            {
                return new(origin, origin + (step * decade));
            }
        }

        return new(origin, origin + (10 * decade));
    }

    private static readonly double[] LiveSteps = [1, 1.5, 2, 3, 5, 7.5];

    public double TimeAt(double fraction) => From + (fraction * Span);

    public double FractionOf(double time) => (time - From) / Span;

    /// <summary>Zooms in by <paramref name="factor"/> (below 1 zooms out) around the point at <paramref name="fraction"/> of the width.</summary>
    public TimelineViewport ZoomAt(double fraction, double factor, double origin, double now)
    {
        var bounds = Fit(origin, now);
        var span = Math.Clamp(Span / factor, MinimumSpan, bounds.Span);
        var anchor = TimeAt(fraction);
        return Clamp(anchor - (fraction * span), span, bounds);
    }

    /// <summary>Moves the view by <paramref name="fraction"/> of its width (positive: later).</summary>
    public TimelineViewport PanBy(double fraction, double origin, double now) =>
        Clamp(From + (fraction * Span), Span, Fit(origin, now));

    /// <summary>True when the view shows the whole run (it then follows a live run as it grows).</summary>
    public bool Covers(double origin, double now) => From <= origin && To >= now;

    private static TimelineViewport Clamp(double from, double span, TimelineViewport bounds)
    {
        span = Math.Min(span, bounds.Span);
        from = Math.Clamp(from, bounds.From, bounds.To - span);
        return new TimelineViewport(from, from + span);
    }
}
