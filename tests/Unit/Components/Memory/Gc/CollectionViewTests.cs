using Bunit;
using Playground.Client.Components.Memory.Gc;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory.Gc;

/// <summary>The collection view on a collection the real engine recorded: two Node instances in a cycle.</summary>
public sealed class CollectionViewTests : BunitTestBase
{
    private const string Cycle = "import gc\nclass Node:\n    pass\ngc.disable()\na = Node()\nb = Node()\na.other = b\nb.other = a\ndel a, b\nprint(gc.collect())\n";

    private readonly MemoryTrace _trace = MemorySimulator.Run(Cycle, new SimulationOptions());

    private int CollectStep => _trace.Steps.Single(s => s.Collections.Count > 0).Index;

    private IRenderedComponent<CollectionView> Render()
    {
        var heap = HeapReplay.HeapAfter(_trace, CollectStep - 1);
        return Context.Render<CollectionView>(p => p
            .Add(c => c.Collection, _trace.Steps[CollectStep].Collections.Single())
            .Add(c => c.Objects, heap));
    }

    private static List<string> StatusesOf(IRenderedComponent<CollectionView> view, string type) =>
        [.. view.FindAll("[data-testid='gc-object']")
            .Where(e => e.QuerySelector(".gc-card-type")!.TextContent == type)
            .Select(e => e.GetAttribute("data-status")!)];

    [Fact]
    public void The_phases_are_walked_in_gc_collect_main_order_with_the_gcmodule_function_of_each()
    {
        var view = Render();

        Assert.Equal(7, view.FindAll("[data-testid='gc-phase-tab']").Count);
        Assert.Equal("Phase 1 of 7", view.Find("[data-testid='gc-phase-position']").TextContent);
        Assert.Contains("update_refs()", view.Find("[data-testid='gc-phase-title']").TextContent, StringComparison.Ordinal);
        Assert.True(view.Find("button[data-testid='gc-phase-back']").HasAttribute("disabled"));

        view.Find("button[data-testid='gc-phase-forward']").Click();

        Assert.Equal("Phase 2 of 7", view.Find("[data-testid='gc-phase-position']").TextContent);
        Assert.Contains("subtract_refs()", view.Find("[data-testid='gc-phase-title']").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 collected", view.Find("[data-testid='gc-collection-result']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_without_registered_callbacks_shows_no_gc_callbacks_line()
    {
        var view = Render();

        Assert.Empty(view.FindAll("[data-testid='gc-callbacks']"));
    }

    [Fact]
    public void A_registered_callback_is_named_with_the_info_its_stop_call_received()
    {
        const string WithCallback = "import gc\nclass Node:\n    pass\ndef on_gc(phase, info):\n    pass\ngc.callbacks.append(on_gc)\n" +
            "gc.disable()\na = Node()\nb = Node()\na.other = b\nb.other = a\ndel a, b\nprint(gc.collect())\n";
        var trace = MemorySimulator.Run(WithCallback, new SimulationOptions());
        var collection = trace.Steps.SelectMany(s => s.Collections).Single();

        var view = Context.Render<CollectionView>(p => p.Add(c => c.Collection, collection));

        var line = view.Find("[data-testid='gc-callbacks']").TextContent;
        Assert.Contains("<function on_gc", line, StringComparison.Ordinal);
        Assert.Contains("'generation': 2, 'collected': 2, 'uncollectable': 0", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_heap_graph_shows_the_cycle_and_colours_its_objects_by_their_status_in_each_phase()
    {
        var view = Render();
        var nodes = NodeCards(view);
        Assert.Equal(2, nodes.Count);
        var ids = nodes.Select(c => c.GetAttribute("data-object-id")).ToList();
        Assert.Contains(view.FindAll("[data-testid='gc-graph'] [data-testid='heap-arrow']"), a => a.GetAttribute("data-from") == ids[0] && a.GetAttribute("data-to") == ids[1]);
        Assert.Contains(view.FindAll("[data-testid='gc-graph'] [data-testid='heap-arrow']"), a => a.GetAttribute("data-from") == ids[1] && a.GetAttribute("data-to") == ids[0]);
        Assert.All(NodeCards(view), c => Assert.Contains("gc-examined", c.GetAttribute("class"), StringComparison.Ordinal));

        view.FindAll("[data-testid='gc-phase-tab']")[1].Click();
        Assert.All(NodeCards(view), c => Assert.Contains("gc-tentative", c.GetAttribute("class"), StringComparison.Ordinal));

        view.FindAll("[data-testid='gc-phase-tab']")[2].Click();
        Assert.All(NodeCards(view), c => Assert.Contains("gc-unreachable", c.GetAttribute("class"), StringComparison.Ordinal));
        Assert.Empty(view.FindAll("[data-testid='gc-graph'] [data-testid='heap-arrow'].released"));

        Assert.All(NodeCards(view), c => Assert.Equal("1", c.QuerySelector("[data-testid='card-refcount']")!.TextContent));

        view.FindAll("[data-testid='gc-phase-tab']")[6].Click();
        Assert.All(NodeCards(view), c => Assert.Contains("gc-freed", c.GetAttribute("class"), StringComparison.Ordinal));
        // freed at a count of zero: tp_clear dropped the references the two held on each other
        Assert.All(NodeCards(view), c => Assert.Equal("0", c.QuerySelector("[data-testid='card-refcount']")!.TextContent));
        // and the references they held are drawn released, as the reference counting page draws a freed object's
        var held = view.FindAll("[data-testid='gc-graph'] [data-testid='heap-arrow']").Where(a => ids.Contains(a.GetAttribute("data-from"))).ToList();
        Assert.True(held.Count >= 2, $"{held.Count} arrows from the two nodes");
        Assert.All(held, a => Assert.Contains("released", a.GetAttribute("class"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_class_is_drawn_with_its_count_when_the_collection_began_and_with_the_one_it_was_left_at_once_the_garbage_is_freed()
    {
        var view = Context.Render<CollectionView>(p => p
            .Add(c => c.Collection, _trace.Steps[CollectStep].Collections.Single())
            .Add(c => c.Objects, HeapReplay.HeapAfter(_trace, CollectStep - 1))
            .Add(c => c.ObjectsAfter, HeapReplay.HeapAfter(_trace, CollectStep)));
        string ClassCount() => view.FindAll("[data-testid='gc-graph'] [data-testid='heap-card']")
            .Single(c => c.QuerySelector("[data-testid='card-value']")!.TextContent == "class Node").QuerySelector("[data-testid='card-refcount']")!.TextContent;

        // its name, its __mro__, its __dict__ and __weakref__ descriptors and the two instances in the cycle
        Assert.Equal("6", ClassCount());
        view.FindAll("[data-testid='gc-phase-tab']")[5].Click();
        Assert.Equal("6", ClassCount());

        // each instance freed lets go of its class
        view.FindAll("[data-testid='gc-phase-tab']")[6].Click();
        Assert.Equal("4", ClassCount());
    }

    [Fact]
    public void The_graphs_legend_shows_each_status_as_its_outline_with_its_words()
    {
        var view = Render();

        var items = view.FindAll("[data-testid='gc-legend'] .gc-legend-item");
        Assert.Equal(Enum.GetValues<GcObjectStatus>().Select(GcPhaseText.StatusClass), items.Select(i => i.QuerySelector(".gc-swatch")!.ClassList.Single(c => c != "gc-swatch")));
        Assert.Equal(["examined", "reachable", "tentatively unreachable", "unreachable", "resurrected", "freed", "promoted"], items.Select(i => i.TextContent.Trim()));
    }

    private static List<AngleSharp.Dom.IElement> NodeCards(IRenderedComponent<CollectionView> view) =>
        [.. view.FindAll("[data-testid='gc-graph'] [data-testid='heap-card']").Where(c => c.QuerySelector(".heap-card-type")!.TextContent == "Node")];

    [Fact]
    public void The_two_instances_go_from_examined_to_unreachable_to_freed_with_their_gc_refs()
    {
        var view = Render();
        Assert.Equal(["Examined", "Examined"], StatusesOf(view, "Node"));
        Assert.All(view.FindAll("[data-testid='gc-object']").Where(e => e.QuerySelector(".gc-card-type")!.TextContent == "Node"),
            e => Assert.Equal("gc_refs 1", e.QuerySelector(".gc-card-refs")!.TextContent));

        view.FindAll("[data-testid='gc-phase-tab']")[1].Click();
        Assert.Equal(["TentativelyUnreachable", "TentativelyUnreachable"], StatusesOf(view, "Node"));
        Assert.All(view.FindAll("[data-testid='gc-object']").Where(e => e.QuerySelector(".gc-card-type")!.TextContent == "Node"),
            e => Assert.Equal("gc_refs 0", e.QuerySelector(".gc-card-refs")!.TextContent));

        view.FindAll("[data-testid='gc-phase-tab']")[2].Click();
        Assert.Equal(["Unreachable", "Unreachable"], StatusesOf(view, "Node"));

        view.FindAll("[data-testid='gc-phase-tab']")[6].Click();
        Assert.Equal(["Freed", "Freed"], StatusesOf(view, "Node"));
        Assert.True(view.Find("button[data-testid='gc-phase-forward']").HasAttribute("disabled"));
    }

    [Fact]
    public void Reachable_objects_of_the_collection_are_promoted_once_move_unreachable_is_done()
    {
        var collection = _trace.Steps[CollectStep].Collections.Single();
        var move = collection.Phases.ToList().FindIndex(p => p.Phase == GcPhase.MoveUnreachable);
        var survivors = collection.Phases[move].Objects.Where(o => !o.Unreachable).Select(o => o.Id).ToList();
        Assert.NotEmpty(survivors);

        var atMove = GcObjectStatuses.AfterPhase(collection, move);
        var after = GcObjectStatuses.AfterCollection(collection);

        Assert.All(survivors, id => Assert.Equal(GcObjectStatus.Reachable, atMove[id]));
        Assert.All(survivors, id => Assert.Equal(GcObjectStatus.Promoted, after[id]));
        Assert.Equal(2, after.Values.Count(s => s == GcObjectStatus.Freed));
        Assert.Equal(after, GcObjectStatuses.AfterStep(_trace, CollectStep));
        Assert.Empty(GcObjectStatuses.AfterStep(_trace, CollectStep - 1));
    }
}
