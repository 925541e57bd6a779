using Playground.Shared.Memory;
using Microsoft.JSInterop;

namespace Playground.Client.Components.Memory.HeapGraph;

/// <summary>
/// The browser's part of the heap graph: wwwroot/js/heap-layout.js (dagre, bundled at build time) takes the
/// node sizes and edges and returns positions and routes. Nothing else runs in JS; Blazor draws the SVG.
/// Both ways go as plain arrays of numbers and strings: in the browser's WebAssembly .NET is interpreted and
/// its reflection-based JSON read a layout of records slower than dagre made it. A shape laid out before
/// is drawn from <see cref="GraphLayoutCache"/> without dagre. Once the module is
/// loaded in WebAssembly, <see cref="Layout"/> calls it at once, so a step renders once with its layout
/// instead of twice (placeholder columns, then dagre's); elsewhere (the server's circuit) <see cref="LayoutAsync"/>
/// goes over the wire. Both return null when there is no browser to ask (prerendering) or the module
/// does not answer.
/// </summary>
internal sealed class DagreLayout(IJSRuntime js, string key) : IAsyncDisposable
{
    private const string ModulePath = "./js/heap-layout.js";
    private readonly GraphLayoutCache _cache = new();
    private IJSObjectReference? _module;
    private (HeapGraphModel Model, LayoutShape Shape)? _last;

    /// <summary>
    /// The layout now, in the same turn: one of a shape laid out before, or dagre's when the module is
    /// loaded in this process (WebAssembly); else null.
    /// </summary>
    public GraphLayout? Layout(HeapGraphModel model)
    {
        var shape = ShapeOf(model);
        if (_cache.Find(shape, model) is { } known)
        {
            return known;
        }

        if (_module is not IJSInProcessObjectReference inProcess)
        {
            return null;
        }

        try
        {
            return _cache.Add(shape, model, inProcess.Invoke<double[]?>("layout", key, shape.KeyNames(), shape.Sizes, shape.Edges));
        }
        catch (JSException)
        {
            return null;
        }
    }

    public async Task<GraphLayout?> LayoutAsync(HeapGraphModel model)
    {
        var shape = ShapeOf(model);
        if (_cache.Find(shape, model) is { } known)
        {
            return known;
        }

        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_module is null)
            {
                return null;
            }

            return _cache.Add(shape, model, await _module.InvokeAsync<double[]?>("layout", key, shape.KeyNames(), shape.Sizes, shape.Edges));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The model's shape, worked out once: over the circuit a step asks <see cref="Layout"/>, then <see cref="LayoutAsync"/>.</summary>
    private LayoutShape ShapeOf(HeapGraphModel model)
    {
        if (_last is not { } last || !ReferenceEquals(last.Model, model))
        {
            _last = last = (model, LayoutShape.Of(model));
        }

        return last.Shape;
    }

    /// <summary>
    /// The arrows dagre ranks by: all but each instance's <c>__class__</c>. Many instances of one class
    /// linked to each other (a linked list, a tree) put the class many ranks away from most of them, and
    /// dagre gives every rank such an edge crosses a dummy node to order: 200 linked instances took 15 s
    /// to lay out, without those edges 0.3 s. The class is placed by what else refers to it (the name it
    /// was defined under) and its arrows are drawn straight, as arrows without a route are. Each is
    /// returned with its index among the model's arrows.
    /// </summary>
    internal static IEnumerable<(GraphArrow Arrow, int Index)> LayoutEdges(HeapGraphModel model) =>
        model.Arrows
            .Select((a, i) => (Arrow: a, Index: i))
            .Where(e => e.Arrow.Label != HeapReference.ClassLabel);

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
}
