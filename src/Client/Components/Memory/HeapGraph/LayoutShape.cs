namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>
/// A heap graph's nodes named by where they hang instead of by object id: a frame by its place in the
/// stack, an object by the first name or reference that leads to it from the frames ("what <c>total</c>
/// refers to", "the <c>.previous</c> of what <c>head</c> refers to"). A loop that rebinds a name to a new
/// int makes a new object every step but the same shape, so its layout is remembered
/// (<see cref="GraphLayoutCache"/>) instead of asked of dagre again, which takes 10–20 ms for a few
/// dozen cards; and the object a name now refers to takes the place of the one it referred to before.
/// Objects no name reaches keep their id as their key.
/// </summary>
/// <param name="NodeIds">The model's node ids: its frames, then its cards.</param>
/// <param name="Keys">Each node's key, in the order of <paramref name="NodeIds"/>.</param>
/// <param name="Sizes">Each node's width and height, in the order of <paramref name="NodeIds"/>.</param>
/// <param name="Edges">The edges dagre ranks by, each as the indexes of its two nodes.</param>
/// <param name="EdgeArrows">Each edge's index among the model's arrows.</param>
/// <param name="EdgeKeys">Each edge's key: its two nodes' keys and its label.</param>
/// <param name="Signature">The same for two graphs of the same shape: their keys, sizes and edges, in any order.</param>
public sealed record LayoutShape(string[] NodeIds, ulong[] Keys, double[] Sizes, int[] Edges, int[] EdgeArrows, ulong[] EdgeKeys, ulong Signature)
{
    /// <summary>The keys as dagre's node names (and heap-layout.js's remembered places).</summary>
    public string[] KeyNames() => [.. Keys.Select(k => k.ToString("x16", System.Globalization.CultureInfo.InvariantCulture))];

    public static LayoutShape Of(HeapGraphModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var count = model.Frames.Count + model.Cards.Count;
        var ids = new string[count];
        var sizes = new double[2 * count];
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var keys = new ulong[count];
        var keyed = new bool[count];
        var n = 0;
        foreach (var frame in model.Frames)
        {
            Add(frame.NodeId, HeapGraphModel.FrameWidth, frame.Height);
        }

        foreach (var card in model.Cards)
        {
            Add(card.NodeId, HeapGraphModel.CardWidth, card.Height);
        }

        // Breadth first from the frames, in the order their names and each object's references come: the
        // first way to reach an object names it.
        var outgoing = new List<(int To, ulong Label)>[count];
        for (var i = 0; i < count; i++)
        {
            outgoing[i] = [];
        }

        foreach (var arrow in model.Arrows)
        {
            if (index.TryGetValue(arrow.From, out var from) && index.TryGetValue(arrow.To, out var to))
            {
                outgoing[from].Add((to, Hash(arrow.Label)));
            }
        }

        var queue = new Queue<int>();
        for (var f = 0; f < model.Frames.Count; f++)
        {
            keys[f] = Mix(0xF4A3E, (ulong)f);
            keyed[f] = true;
            queue.Enqueue(f);
        }

        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            var seen = 0;
            foreach (var (to, label) in outgoing[at])
            {
                if (!keyed[to])
                {
                    keys[to] = Mix(Mix(keys[at], label), (ulong)seen);
                    keyed[to] = true;
                    queue.Enqueue(to);
                }

                seen++;
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!keyed[i])
            {
                keys[i] = Mix(0x1D, ulong.Parse(ids[i], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var edges = new List<int>();
        var edgeArrows = new List<int>();
        var edgeKeys = new List<ulong>();
        foreach (var (arrow, i) in DagreLayout.LayoutEdges(model))
        {
            if (index.TryGetValue(arrow.From, out var from) && index.TryGetValue(arrow.To, out var to))
            {
                edges.Add(from);
                edges.Add(to);
                edgeArrows.Add(i);
                edgeKeys.Add(Mix(Mix(keys[from], keys[to]), Hash(arrow.Label)));
            }
        }

        // Order-free: the sum and the xor of each node's and edge's mixed hash.
        ulong sum = 0, xor = 0;
        for (var i = 0; i < count; i++)
        {
            var h = Mix(keys[i], (ulong)BitConverter.DoubleToInt64Bits(sizes[(2 * i) + 1]));
            sum += h;
            xor ^= Mix(h, 7);
        }

        foreach (var k in edgeKeys)
        {
            sum += Mix(k, 11);
            xor ^= Mix(k, 13);
        }

        return new LayoutShape(ids, keys, sizes, [.. edges], [.. edgeArrows], [.. edgeKeys], Mix(Mix(sum, xor), (ulong)((count << 20) + edgeKeys.Count)));

        void Add(string id, double width, double height)
        {
            index[id] = n;
            ids[n] = id;
            sizes[2 * n] = width;
            sizes[(2 * n) + 1] = height;
            n++;
        }
    }

    /// <summary>FNV-1a over the label's characters: the same in every run, unlike string.GetHashCode.</summary>
    private static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>Two values into one well-spread value (the finaliser of SplitMix64 over a combination).</summary>
    private static ulong Mix(ulong a, ulong b)
    {
        var z = a + (b * 0x9E3779B97F4A7C15UL) + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
