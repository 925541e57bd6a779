namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>Where an arrow's label is written: centred above its point, or beside it, to its right or to its left.</summary>
public enum LabelSide
{
    Above,
    Right,
    Left,
}

/// <summary>A place an arrow's label may go: a point on its path and the side of it the text takes.</summary>
public readonly record struct LabelSpot(GraphPoint At, LabelSide Side);

/// <summary>A box on the drawing, by its left and top edges and its size, in SVG units.</summary>
public readonly record struct GraphBox(double Left, double Top, double Width, double Height)
{
    public static GraphBox Around(GraphPoint centre, double width, double height) => new(centre.X - (width / 2), centre.Y - (height / 2), width, height);

    public bool Overlaps(GraphBox other) =>
        Left < other.Left + other.Width && other.Left < Left + Width && Top < other.Top + other.Height && other.Top < Top + Height;

    public double OverlapArea(GraphBox other) =>
        Math.Max(0, Math.Min(Left + Width, other.Left + other.Width) - Math.Max(Left, other.Left))
        * Math.Max(0, Math.Min(Top + Height, other.Top + other.Height) - Math.Max(Top, other.Top));
}

/// <summary>
/// Puts each arrow's label ("__class__", ".other", "[0]") where it covers no card, no frame and no label
/// placed before it. dagre routes the arrows it ranks and leaves room for their labels, but an instance's
/// <c>__class__</c> arrow is drawn apart (the layout leaves it out so that a class with many instances
/// does not pull them all into one rank), and a card may keep its place from the step before: the middle
/// of such an arrow can fall on a card. Each label tries the points its path offers, its middle first,
/// and takes the first that is free; when none is, the one that covers least.
/// </summary>
public static class ArrowLabels
{
    /// <summary>The labels' font: 12 px monospace, whose glyphs are 0.6 em wide (HeapArrow.razor.css), and a little over for a font a bit wider.</summary>
    public const double CharWidth = 7.5;

    /// <summary>A line of the label's text, from above its capitals to below its descenders.</summary>
    public const double TextHeight = 14;

    /// <summary>Between a label written beside a point and the point (HeapArrow's text starts 6 units away).</summary>
    public const double BesideGap = 6;

    /// <summary>Kept clear on either side of a label's text, so that two labels side by side do not read as one.</summary>
    public const double Margin = 6;

    /// <summary>The box the text of <paramref name="label"/> takes at <paramref name="spot"/>, as HeapArrow writes it, with its margins.</summary>
    public static GraphBox BoxOf(string label, LabelSpot spot)
    {
        ArgumentNullException.ThrowIfNull(label);
        var width = Math.Max(1, label.Length) * CharWidth;
        var (x, y) = (spot.At.X, spot.At.Y);
        var text = spot.Side switch
        {
            // text-anchor middle, baseline 4 above the point
            LabelSide.Above => new GraphBox(x - (width / 2), y - 4 - 11, width, TextHeight),
            // text-anchor start (or end), baseline 4 below the point
            LabelSide.Right => new GraphBox(x + BesideGap, y + 4 - 11, width, TextHeight),
            _ => new GraphBox(x - BesideGap - width, y + 4 - 11, width, TextHeight),
        };
        return text with { Left = text.Left - Margin, Width = text.Width + (2 * Margin) };
    }

    /// <summary>
    /// The spot each label takes, in the order given: <paramref name="candidates"/>[i] lists where label i
    /// may go, its first choice first (an empty list leaves it at default); a label placed is an obstacle
    /// to the ones after it.
    /// </summary>
    public static LabelSpot[] Place(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<LabelSpot>> candidates, IReadOnlyList<GraphBox> obstacles)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(obstacles);
        var taken = new List<GraphBox>(obstacles.Count + labels.Count);
        taken.AddRange(obstacles);
        var placed = new LabelSpot[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var spots = candidates[i];
            if (spots.Count == 0)
            {
                continue;
            }

            var best = spots[0];
            var bestCover = double.MaxValue;
            foreach (var spot in spots)
            {
                var cover = Cover(BoxOf(labels[i], spot), taken, bestCover);
                if (cover < bestCover)
                {
                    (best, bestCover) = (spot, cover);
                }

                if (cover == 0)
                {
                    break;
                }
            }

            placed[i] = best;
            taken.Add(BoxOf(labels[i], best));
        }

        return placed;
    }

    /// <summary>How much of <paramref name="box"/> the taken boxes cover, counted only until it reaches <paramref name="enough"/>.</summary>
    private static double Cover(GraphBox box, List<GraphBox> taken, double enough)
    {
        var cover = 0.0;
        foreach (var other in taken)
        {
            if (box.Overlaps(other))
            {
                cover += box.OverlapArea(other);
                if (cover >= enough)
                {
                    break;
                }
            }
        }

        return cover;
    }
}
