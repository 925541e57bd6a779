using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Deadlock;

/// <summary>
/// Where the wait-for graph's boxes and arrows go. It is drawn as a resource-allocation graph (the
/// picture textbooks use for deadlocks, after Holt, 1972): a process and a lock are boxes, "waits for"
/// runs from a process to the lock it asked for, "held by" from a lock to the process that holds it,
/// "joins" from a parent to the child it waits for. The cycle goes round a circle, so its arrows read
/// as a loop; the processes stuck behind it (a parent in join()) stand in a column to its left.
/// </summary>
public static class WaitForGraphLayout
{
    public const double ProcessWidth = 116;
    public const double ResourceWidth = 124;
    public const double NodeHeight = 36;
    private const double Margin = 12;
    private const double ColumnGap = 44; // room for "joins" between a parent and its child
    private const double RowGap = 14;

    public static WaitForGraphDrawing Of(WaitForGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var cycle = graph.Cycle();
        var onCycle = cycle.ToHashSet();
        var waits = graph.Edges.GroupBy(e => e.Waiter).ToDictionary(g => g.Key, g => g.First());

        var names = new Dictionary<int, string>();
        foreach (var e in graph.Edges)
        {
            names[e.Waiter] = e.WaiterName;
            if (e.Holder is { } holder)
            {
                names.TryAdd(holder, e.HolderName ?? "?");
            }
        }

        // the loop in wait order: a process, the lock it waits for, the next process...
        var loop = new List<string>();
        foreach (var pid in cycle)
        {
            loop.Add(ProcessId(pid));
            if (waits[pid] is { IsJoin: false } edge)
            {
                loop.Add(ResourceId(edge.Resource));
            }
        }

        var cycleResources = loop.Where(id => id.StartsWith(ResourcePrefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var otherProcesses = names.Keys.Where(pid => !onCycle.Contains(pid)).Order().ToList();
        var otherResources = graph.Edges.Where(e => !e.IsJoin).Select(e => ResourceId(e.Resource))
            .Where(id => !cycleResources.Contains(id)).Distinct(StringComparer.Ordinal).ToList();

        var centres = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var left = Margin;
        var columnHeight = 0.0;
        if (otherProcesses.Count > 0)
        {
            Column(otherProcesses.Select(ProcessId).ToList(), left + (ProcessWidth / 2), centres);
            columnHeight = Math.Max(columnHeight, ColumnHeight(otherProcesses.Count));
            left += ProcessWidth + ColumnGap;
        }

        if (otherResources.Count > 0)
        {
            Column(otherResources, left + (ResourceWidth / 2), centres);
            columnHeight = Math.Max(columnHeight, ColumnHeight(otherResources.Count));
            left += ResourceWidth + ColumnGap;
        }

        // a circle wide enough that neighbouring boxes on it do not touch
        var radius = loop.Count == 0 ? 0 : Math.Max(70, loop.Count * (NodeHeight + RowGap) / Math.PI);
        var circleHeight = loop.Count == 0 ? 0 : (2 * radius) + NodeHeight;
        var height = Math.Max(columnHeight, circleHeight) + (2 * Margin);
        var centreX = left + radius + (ResourceWidth / 2);
        for (var i = 0; i < loop.Count; i++)
        {
            var angle = Math.PI + (2 * Math.PI * i / loop.Count);
            centres[loop[i]] = (centreX + (radius * Math.Cos(angle)), (height / 2) + (radius * Math.Sin(angle)));
        }

        var width = loop.Count == 0 ? left : centreX + radius + (ResourceWidth / 2) + Margin;

        // the columns sit centred beside the circle
        foreach (var id in centres.Keys.Where(id => !loop.Contains(id)).ToList())
        {
            centres[id] = (centres[id].X, centres[id].Y + ((height - columnHeight) / 2) - Margin);
        }

        var nodes = new List<WaitForNode>();
        foreach (var (pid, name) in names.OrderBy(n => n.Key))
        {
            var (x, y) = centres[ProcessId(pid)];
            nodes.Add(new WaitForNode(ProcessId(pid), WaitForNodeKind.Process, name, $"pid {pid}", pid, x, y, ProcessWidth, onCycle.Contains(pid)));
        }

        foreach (var resource in graph.Edges.Where(e => !e.IsJoin).Select(e => e.Resource).Distinct(StringComparer.Ordinal))
        {
            var id = ResourceId(resource);
            var (x, y) = centres[id];
            var (kind, label) = ResourceLabel(resource);
            nodes.Add(new WaitForNode(id, WaitForNodeKind.Resource, kind, label, null, x, y, ResourceWidth, cycleResources.Contains(id)));
        }

        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var arrows = new List<WaitForArrow>();
        var heldDrawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in graph.Edges)
        {
            var waiter = byId[ProcessId(e.Waiter)];
            var waiterOnCycle = onCycle.Contains(e.Waiter);
            if (e.IsJoin)
            {
                if (e.Holder is { } child)
                {
                    arrows.Add(Arrow(WaitForArrowKind.Joins, waiter, byId[ProcessId(child)], waiterOnCycle && onCycle.Contains(child), e.Describe()));
                }

                continue;
            }

            var lockNode = byId[ResourceId(e.Resource)];
            arrows.Add(Arrow(WaitForArrowKind.WaitsFor, waiter, lockNode, waiterOnCycle, e.Describe()));
            if (e.Holder is { } holder && heldDrawn.Add(lockNode.Id))
            {
                arrows.Add(Arrow(WaitForArrowKind.HeldBy, lockNode, byId[ProcessId(holder)], lockNode.OnCycle && onCycle.Contains(holder),
                    $"{e.Resource} is held by {e.HolderName} (pid {holder})"));
            }
        }

        return new WaitForGraphDrawing(nodes, arrows, width, height, cycle.Select(pid => names[pid]).ToList());
    }

    private const string ProcessPrefix = "process:";
    private const string ResourcePrefix = "resource:";

    private static string ProcessId(int pid) => ProcessPrefix + pid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ResourceId(string resource) => ResourcePrefix + resource;

    /// <summary>"Lock-0x7f39ca5bc000" reads as its type over its address, which tells two locks apart.</summary>
    private static (string Kind, string Label) ResourceLabel(string resource) => ResourceName.Split(resource);

    private static double ColumnHeight(int count) => (count * NodeHeight) + ((count - 1) * RowGap);

    private static void Column(List<string> ids, double x, Dictionary<string, (double X, double Y)> centres)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            centres[ids[i]] = (x, Margin + (NodeHeight / 2) + (i * (NodeHeight + RowGap)));
        }
    }

    /// <summary>A straight arrow between two boxes, from edge to edge rather than centre to centre.</summary>
    private static WaitForArrow Arrow(WaitForArrowKind kind, WaitForNode from, WaitForNode to, bool onCycle, string title)
    {
        var (x1, y1) = Border(from, to.X - from.X, to.Y - from.Y);
        var (x2, y2) = Border(to, from.X - to.X, from.Y - to.Y);
        return new WaitForArrow(kind, from.Id, to.Id, x1, y1, x2, y2, onCycle, title);
    }

    private static (double X, double Y) Border(WaitForNode node, double dx, double dy)
    {
        if (dx == 0 && dy == 0)
        {
            return (node.X, node.Y);
        }

        var t = Math.Min(dx == 0 ? double.MaxValue : node.Width / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : NodeHeight / 2 / Math.Abs(dy));
        return (node.X + (dx * t), node.Y + (dy * t));
    }
}

public enum WaitForNodeKind
{
    Process,
    Resource,
}

public enum WaitForArrowKind
{
    WaitsFor,
    HeldBy,
    Joins,
}

/// <summary>A box of the graph, centred on (<paramref name="X"/>, <paramref name="Y"/>).</summary>
public sealed record WaitForNode(string Id, WaitForNodeKind Kind, string Title, string Subtitle, int? Pid, double X, double Y, double Width, bool OnCycle);

public sealed record WaitForArrow(WaitForArrowKind Kind, string From, string To, double X1, double Y1, double X2, double Y2, bool OnCycle, string Title)
{
    public string Label => Kind switch
    {
        WaitForArrowKind.WaitsFor => "waits for",
        WaitForArrowKind.HeldBy => "held by",
        _ => "joins",
    };
}

/// <summary>The laid-out graph, and the names of the processes on its cycle in wait order.</summary>
public sealed record WaitForGraphDrawing(IReadOnlyList<WaitForNode> Nodes, IReadOnlyList<WaitForArrow> Arrows, double Width, double Height, IReadOnlyList<string> CycleNames);
