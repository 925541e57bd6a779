namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>
/// The layouts dagre made for one graph, by shape (<see cref="LayoutShape"/>): stepping back and forth, or
/// through a loop that only rebinds names, draws a shape it has laid out before without asking dagre.
/// Positions are kept by node key and routes by edge key, so a hit is mapped onto the new step's object
/// ids. Bounded: when full it starts again, as a new run's graph has other shapes anyway.
/// </summary>
public sealed class GraphLayoutCache
{
    private const int MaxShapes = 256;
    private readonly Dictionary<ulong, Entry> _entries = [];

    /// <summary>Forgets every layout (the graph's direction changed: none of them fits any more).</summary>
    public void Clear() => _entries.Clear();

    /// <summary>The layout of a shape laid out before, for this model's nodes and arrows; null when it is new.</summary>
    public GraphLayout? Find(LayoutShape shape, HeapGraphModel model)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(model);
        if (!_entries.TryGetValue(shape.Signature, out var entry) || entry.Nodes.Count != shape.Keys.Length)
        {
            return null;
        }

        var nodes = new Dictionary<string, GraphPoint>(shape.Keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < shape.Keys.Length; i++)
        {
            if (!entry.Nodes.TryGetValue(shape.Keys[i], out var p))
            {
                return null;
            }

            nodes[shape.NodeIds[i]] = p;
        }

        var routes = new IReadOnlyList<GraphPoint>[model.Arrows.Count];
        for (var e = 0; e < shape.EdgeKeys.Length; e++)
        {
            routes[shape.EdgeArrows[e]] = entry.Routes.GetValueOrDefault(shape.EdgeKeys[e]) ?? [];
        }

        return new GraphLayout(nodes, [.. routes.Select(r => r ?? [])], entry.Width, entry.Height);
    }

    /// <summary>
    /// Reads heap-layout.js's answer for <paramref name="shape"/> (width, height, each node's x and y, then
    /// each edge's point count and points), remembers it and returns it for this model; null when the
    /// answer is not one.
    /// </summary>
    public GraphLayout? Add(LayoutShape shape, HeapGraphModel model, double[]? output)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(model);
        if (output is null || output.Length < 2 + (2 * shape.Keys.Length))
        {
            return null;
        }

        var nodes = new Dictionary<ulong, GraphPoint>(shape.Keys.Length);
        for (var i = 0; i < shape.Keys.Length; i++)
        {
            nodes[shape.Keys[i]] = new GraphPoint(output[2 + (2 * i)], output[3 + (2 * i)]);
        }

        var routes = new Dictionary<ulong, GraphPoint[]>(shape.EdgeKeys.Length);
        var at = 2 + (2 * shape.Keys.Length);
        for (var e = 0; e < shape.EdgeKeys.Length; e++)
        {
            var count = at < output.Length ? (int)output[at++] : -1;
            if (count < 0 || at + (2 * count) > output.Length)
            {
                return null;
            }

            var points = new GraphPoint[count];
            for (var p = 0; p < count; p++, at += 2)
            {
                points[p] = new GraphPoint(output[at], output[at + 1]);
            }

            routes.TryAdd(shape.EdgeKeys[e], points);
        }

        if (_entries.Count >= MaxShapes)
        {
            _entries.Clear();
        }

        _entries[shape.Signature] = new Entry(nodes, routes, output[0], output[1]);
        return Find(shape, model);
    }

    private sealed record Entry(Dictionary<ulong, GraphPoint> Nodes, Dictionary<ulong, GraphPoint[]> Routes, double Width, double Height);
}
