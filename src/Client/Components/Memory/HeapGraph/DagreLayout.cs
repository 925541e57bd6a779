using Playground.Shared.Memory;
using Microsoft.JSInterop;

namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>
/// The browser's part of the heap graph: wwwroot/js/heap-layout.js (dagre, bundled at build time) takes the
/// node sizes and edges and returns positions and routes. Nothing else runs in JS; Blazor draws the SVG.
/// Returns null when there is no browser to ask (prerendering) or the module does not answer.
/// </summary>
internal sealed class DagreLayout(IJSRuntime js, string key) : IAsyncDisposable
{
    private const string ModulePath = "./js/heap-layout.js";
    private IJSObjectReference? _module;

    public async Task<GraphLayout?> LayoutAsync(HeapGraphModel model)
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_module is null)
            {
                return null;
            }

            var sizes = GraphLayout.Sizes(model);
            var input = new LayoutInput(
                [.. sizes.Select(s => new LayoutNode(s.Key, s.Value.Width, s.Value.Height))],
                [.. LayoutEdges(model)]);
            var output = await _module.InvokeAsync<LayoutOutput?>("layout", key, input);
            if (output?.Nodes is null || output.Edges is null)
            {
                return null;
            }

            var routes = new IReadOnlyList<GraphPoint>[model.Arrows.Count];
            foreach (var e in output.Edges)
            {
                if (int.TryParse(e.Name, out var i) && i >= 0 && i < routes.Length)
                {
                    routes[i] = [.. e.Points.Select(p => new GraphPoint(p.X, p.Y))];
                }
            }

            return new GraphLayout(output.Nodes.ToDictionary(n => n.Id, n => new GraphPoint(n.X, n.Y)),
                [.. routes.Select(r => r ?? [])], output.Width, output.Height);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The arrows dagre ranks by: all but each instance's <c>__class__</c>. Many instances of one class
    /// linked to each other (a linked list, a tree) put the class many ranks away from most of them, and
    /// dagre gives every rank such an edge crosses a dummy node to order: 200 linked instances took 15 s
    /// to lay out, without those edges 0.3 s. The class is placed by what else refers to it (the name it
    /// was defined under) and its arrows are drawn straight, as arrows without a route are.
    /// </summary>
    internal static IEnumerable<LayoutEdge> LayoutEdges(HeapGraphModel model) =>
        model.Arrows
            .Select((a, i) => (Arrow: a, Index: i))
            .Where(e => e.Arrow.Label != HeapReference.ClassLabel)
            .Select(e => new LayoutEdge(e.Arrow.From, e.Arrow.To, e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit or page is gone; so is the module.
            }
        }
    }

    private sealed record LayoutInput(IReadOnlyList<LayoutNode> Nodes, IReadOnlyList<LayoutEdge> Edges);

    private sealed record LayoutNode(string Id, double Width, double Height);

    internal sealed record LayoutEdge(string From, string To, string Name);

    private sealed record LayoutOutput(IReadOnlyList<LayoutNodePosition>? Nodes, IReadOnlyList<LayoutRoute>? Edges, double Width, double Height);

    private sealed record LayoutNodePosition(string Id, double X, double Y);

    private sealed record LayoutRoute(string Name, IReadOnlyList<LayoutPoint> Points);

    private sealed record LayoutPoint(double X, double Y);
}
