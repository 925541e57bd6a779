using System.Globalization;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// Messages that went the same way (one lane to another) a few pixels apart, drawn as one: their lines
/// faint, one arrow head on their middle line and one label that counts them. A producer's ten puts in
/// a few milliseconds of a run that lasted a hundred are ten arrows within 30 pixels at the whole-run
/// zoom: drawn one by one, their heads and values piled into one dark smear. Each message keeps its
/// own line and its value in its tooltip; zooming in spreads the bundle into arrows again.
/// </summary>
/// <param name="Arrows">The messages, in the order they were received; one for an arrow on its own.</param>
public sealed record ArrowBundle(IReadOnlyList<ArrowLine> Arrows)
{
    /// <summary>The most values a bundle's tooltip lists before it says how many more.</summary>
    public const int MaxValuesListed = 12;

    public int FromPid => Arrows[0].FromPid;

    public int ToPid => Arrows[0].ToPid;

    public bool IsBundle => Arrows.Count > 1;

    /// <summary>Where the bundle's own arrow leaves: the middle of its sends.</summary>
    public double FromX { get; } = Arrows.Average(a => a.FromX);

    /// <summary>Where the bundle's own arrow arrives: the middle of its receives.</summary>
    public double ToX { get; } = Arrows.Average(a => a.ToX);

    /// <summary>The middle of the bundle's own arrow, where its label goes.</summary>
    public double MiddleX => (FromX + ToX) / 2;

    /// <summary>What the drawing writes beside it: the value of an arrow on its own, the count of a bundle.</summary>
    public string Label => IsBundle ? string.Create(CultureInfo.InvariantCulture, $"{Arrows.Count} messages") : Arrows[0].Message.Label;

    /// <summary>The bundle's tooltip: how many, on which channel, and their values in order.</summary>
    public string Title
    {
        get
        {
            var channels = Arrows.Select(a => a.Message.Channel).Distinct(StringComparer.Ordinal).ToList();
            var values = string.Join(", ", Arrows.Take(MaxValuesListed).Select(a => a.Message.Label));
            var more = Arrows.Count > MaxValuesListed ? string.Create(CultureInfo.InvariantCulture, $" and {Arrows.Count - MaxValuesListed} more") : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"{Arrows.Count} messages on {string.Join(" and ", channels)}: {values}{more}. Zoom in to see each one.");
        }
    }

    /// <summary>
    /// Groups <paramref name="arrows"/> into bundles: an arrow joins the bundle of the last one received
    /// the same way when its head is within <paramref name="pixels"/> of that one's, since it is the heads
    /// (and the values beside them) that pile up; the sends may be spread out, and their faint lines show
    /// it. A steady stream chains into one bundle however long, while two streams or a gap stay apart.
    /// The bundles come in the order of their first receive.
    /// </summary>
    public static IReadOnlyList<ArrowBundle> Of(IReadOnlyList<ArrowLine> arrows, double pixels)
    {
        ArgumentNullException.ThrowIfNull(arrows);
        var bundles = new List<List<ArrowLine>>();
        var open = new Dictionary<(int From, int To), List<ArrowLine>>();
        foreach (var arrow in arrows.OrderBy(a => a.ToX).ThenBy(a => a.FromX))
        {
            var way = (arrow.FromPid, arrow.ToPid);
            if (open.TryGetValue(way, out var bundle) && arrow.ToX - bundle[^1].ToX <= pixels)
            {
                bundle.Add(arrow);
                continue;
            }

            open[way] = bundle = [arrow];
            bundles.Add(bundle);
        }

        return [.. bundles.Select(b => new ArrowBundle(b))];
    }
}
