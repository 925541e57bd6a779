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
        var boxes = new GraphBox?[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            if (candidates[i].Count == 0)
            {
                continue;
            }

            (placed[i], _) = Best(labels[i], candidates[i], taken);
            boxes[i] = BoxOf(labels[i], placed[i]);
            taken.Add(boxes[i]!.Value);
        }

        // A label placed early knew nothing of the ones after it: one that now covers another tries again
        // among all the others (the first of two __class__ labels side by side may have had a free spot
        // across its line, which the second, with none, could not take).
        for (var i = 0; i < labels.Count; i++)
        {
            if (boxes[i] is not { } box || !CoversAnother(box, i, boxes))
            {
                // (one that covers a card and no label had no free spot in the first pass either)
                continue;
            }

            var others = new List<GraphBox>(obstacles.Count + labels.Count);
            others.AddRange(obstacles);
            for (var j = 0; j < labels.Count; j++)
            {
                if (j != i && boxes[j] is { } other)
                {
                    others.Add(other);
                }
            }

            (placed[i], _) = Best(labels[i], candidates[i], others);
            boxes[i] = BoxOf(labels[i], placed[i]);
        }

        return placed;
    }

    private static bool CoversAnother(GraphBox box, int index, GraphBox?[] boxes)
    {
        for (var j = 0; j < boxes.Length; j++)
        {
            if (j != index && boxes[j] is { } other && box.Overlaps(other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first of <paramref name="spots"/> that nothing taken covers, else the one covered least, and how much.</summary>
    private static (LabelSpot Spot, double Cover) Best(string label, IReadOnlyList<LabelSpot> spots, List<GraphBox> taken)
    {
        var best = spots[0];
        var bestCover = double.MaxValue;
        foreach (var spot in spots)
        {
            var cover = Cover(BoxOf(label, spot), taken, bestCover);
            if (cover < bestCover)
            {
                (best, bestCover) = (spot, cover);
            }

            if (cover == 0)
            {
                break;
            }
        }

        return (best, bestCover);
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
