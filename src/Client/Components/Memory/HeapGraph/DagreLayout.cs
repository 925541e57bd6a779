using Microsoft.AspNetCore.Components;
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
/// does not answer. On a narrow screen (a phone held upright) the ranks go top to bottom instead of
/// left to right, and the module says when that changes.
/// </summary>
internal sealed class DagreLayout(IJSRuntime js, string key) : IAsyncDisposable
{
    private const string ModulePath = "./js/heap-layout.js";
    private readonly GraphLayoutCache _cache = new();
    private IJSObjectReference? _module;
    private DotNetObjectReference<DagreLayout>? _self;
    private (HeapGraphModel Model, LayoutShape Shape)? _last;

    /// <summary>
    /// The layout handed out for each model still alive: the layout cache maps a shape onto a model's ids
    /// anew on each hit, and the graph's arrows, drawn ahead for a model made ahead, are found again by
    /// the very layout they were drawn on (HeapGraph.DrawingKey).
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HeapGraphModel, GraphLayout> _byModel = [];

    /// <summary>Ranks top to bottom (a narrow screen) rather than left to right.</summary>
    public bool Vertical { get; private set; }

    /// <summary>Raised when the screen became narrow or wide: every layout made before is forgotten.</summary>
    public event Action? DirectionChanged;

    /// <summary>
    /// The layout now, in the same turn: one of a shape laid out before, or dagre's when the module is
    /// loaded in this process (WebAssembly); else null.
    /// </summary>
    public GraphLayout? Layout(HeapGraphModel model)
    {
        if (_byModel.TryGetValue(model, out var handed))
        {
            return handed;
        }

        var shape = ShapeOf(model);
        if (_cache.Find(shape, model) is { } known)
        {
            return Remember(model, known);
        }

        if (_module is not IJSInProcessObjectReference inProcess)
        {
            return null;
        }

        try
        {
            return Remember(model, _cache.Add(shape, model, inProcess.Invoke<double[]?>("layout", key, shape.KeyNames(), shape.Sizes, shape.Edges, Vertical)));
        }
        catch (JSException)
        {
            return null;
        }
    }

    public async Task<GraphLayout?> LayoutAsync(HeapGraphModel model)
    {
        if (_byModel.TryGetValue(model, out var handed))
        {
            return handed;
        }

        var shape = ShapeOf(model);
        if (_cache.Find(shape, model) is { } known)
        {
            return Remember(model, known);
        }

        try
        {
            if (_module is null)
            {
                _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
                if (_module is null)
                {
                    return null;
                }

                _self = DotNetObjectReference.Create(this);
                Vertical = await _module.InvokeAsync<bool>("watchNarrow", key, _self);
            }

            return Remember(model, _cache.Add(shape, model, await _module.InvokeAsync<double[]?>("layout", key, shape.KeyNames(), shape.Sizes, shape.Edges, Vertical)));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Scrolls <paramref name="viewport"/> sideways to the frame when it is out of sight (heap-layout.js revealFrame).</summary>
    public async Task RevealFrameAsync(ElementReference viewport)
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("revealFrame", viewport);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
        }
    }

    private GraphLayout? Remember(HeapGraphModel model, GraphLayout? layout)
    {
        if (layout is not null)
        {
            _byModel.AddOrUpdate(model, layout);
        }

        return layout;
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

    /// <summary>The screen became narrow or wide (a phone turned, a window resized past the breakpoint).</summary>
    [JSInvokable]
    public async Task OnNarrowChanged(bool narrow)
    {
        if (narrow == Vertical)
        {
            return;
        }

        Vertical = narrow;
        _cache.Clear();
        _byModel.Clear();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("forget", key);
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
            {
                // the positions it kept go with the page
            }
        }

        DirectionChanged?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("unwatchNarrow", key);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit or page is gone; so is the module.
            }
        }

        _self?.Dispose();
    }
}
