using System.Globalization;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>The ticks of the time ruler: a round step (1, 2 or 5 times a power of ten) about every 100 pixels.</summary>
public static class TimeAxis
{
    private const double PixelsPerTick = 100;

    public static IReadOnlyList<(double X, string Label)> Ticks(TimelineViewport view, double origin, double width)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (width <= 0 || view.Span <= 0)
        {
            return [];
        }

        var step = StepFor(view.Span, width);
        var ticks = new List<(double, string)>();
        for (var t = Math.Ceiling((view.From - origin) / step) * step; origin + t <= view.To; t += step)
        {
            ticks.Add(((origin + t - view.From) / view.Span * width, Format(t, step)));
        }

        return ticks;
    }

    /// <summary>
    /// The ruler's step for <paramref name="span"/> seconds drawn <paramref name="width"/> pixels wide: what
    /// else writes a time of the view (its range) writes it in the ruler's unit, not "0 ms – 912 ms" over a
    /// ruler of "0.0 s, 0.2 s".
    /// </summary>
    public static double StepFor(double span, double width) => RoundStep(span * PixelsPerTick / width);

    /// <summary>"0.25 s", "120 ms", "35 µs": seconds since the run began, in the unit the step needs.</summary>
    public static string Format(double seconds, double step)
    {
        var (scale, unit) = step >= 0.1 ? (1.0, "s") : step >= 1e-4 ? (1e3, "ms") : (1e6, "µs");
        var decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step * scale) - 1e-9));
        // grouped as the summary table writes its milliseconds: "At 1,756 ms" beside "1,756 ms"
        return (seconds * scale).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + unit;
    }

    private static double RoundStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var mantissa = raw / power;
        return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power;
    }
}
