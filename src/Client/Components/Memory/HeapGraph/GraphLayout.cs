namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>Where each node of the heap graph sits (its centre) and the route of each arrow, in SVG units.</summary>
public sealed record GraphLayout(IReadOnlyDictionary<string, GraphPoint> Nodes, IReadOnlyList<IReadOnlyList<GraphPoint>> Routes, double Width, double Height)
{
    private const double RankGap = 90;
    private const double NodeGap = 18;
    private const double Margin = 12;

    /// <summary>
    /// The layout drawn until dagre's arrives (while the page is prerendered, or when JS is not there):
    /// columns by distance from the frames, nodes in order within a column, straight arrows.
    /// </summary>
    public static GraphLayout Columns(HeapGraphModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sizes = Sizes(model);
        var rank = new Dictionary<string, int>();
        var queue = new Queue<string>();
        foreach (var f in model.Frames)
        {
            rank[f.NodeId] = 0;
            queue.Enqueue(f.NodeId);
        }

        var outgoing = model.Arrows.ToLookup(a => a.From, a => a.To);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var to in outgoing[n])
            {
                if (!rank.ContainsKey(to))
                {
                    rank[to] = rank[n] + 1;
                    queue.Enqueue(to);
                }
            }
        }

        var lastRank = rank.Count == 0 ? 0 : rank.Values.Max() + 1;
        foreach (var c in model.Cards.Where(c => !rank.ContainsKey(c.NodeId)))
        {
            rank[c.NodeId] = lastRank;
        }

        var nodes = new Dictionary<string, GraphPoint>();
        double x = Margin, width = 0, height = 0;
        foreach (var column in sizes.Keys.GroupBy(id => rank[id]).OrderBy(g => g.Key))
        {
            var y = Margin;
            foreach (var id in column)
            {
                var (w, h) = sizes[id];
                nodes[id] = new GraphPoint(x + (w / 2), y + (h / 2));
                y += h + NodeGap;
            }

            x += column.Max(id => sizes[id].Width) + RankGap;
            width = x;
            height = Math.Max(height, y);
        }

        return new GraphLayout(nodes, [], width, height + Margin);
    }

    /// <summary>Each node's width and height, keyed by node id.</summary>
    public static Dictionary<string, (double Width, double Height)> Sizes(HeapGraphModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sizes = new Dictionary<string, (double, double)>();
        foreach (var f in model.Frames)
        {
            sizes[f.NodeId] = (HeapGraphModel.FrameWidth, f.Height);
        }

        foreach (var c in model.Cards)
        {
            sizes[c.NodeId] = (HeapGraphModel.CardWidth, c.Height);
        }

        return sizes;
    }
}

public readonly record struct GraphPoint(double X, double Y);
