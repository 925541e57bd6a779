using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Playground.Client.Components.Memory;
using Playground.Client.Components.Memory.HeapGraph;
using Playground.Client.Components.Memory.RefCount;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>The heap graph and the reference counting view, drawn from traces of the real memory engine.</summary>
public sealed class HeapGraphTests : BunitTestBase
{
    private static (MemoryTrace Trace, int Step) RunTo(string script, int line)
    {
        var trace = MemorySimulator.Run(script, new SimulationOptions());
        return (trace, trace.Steps.Last(s => s.Line == line).Index);
    }

    private IRenderedComponent<HeapGraph> Render(MemoryTrace trace, int step, Action<ComponentParameterCollectionBuilder<HeapGraph>>? more = null) =>
        Context.Render<HeapGraph>(p =>
        {
            p.Add(g => g.Objects, MemoryStepView.At(trace, step).Objects);
            p.Add(g => g.Frames, FrameReplay.FramesAfter(trace, step));
            more?.Invoke(p);
        });

    private static IElement Card(IRenderedComponent<HeapGraph> graph, string value) =>
        graph.FindAll("[data-testid='heap-card']").Single(c => c.QuerySelector("[data-testid='card-value']")!.TextContent == value);

    [Fact]
    public void Instances_point_at_their_class_but_the_layout_ranks_without_those_arrows()
    {
        var (trace, step) = RunTo("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(5):\n    head = Node(head)\nprint(head is not None)\nprint('done')\n", 7);
        var module = Context.JSInterop.SetupModule("./js/heap-layout.js");
        module.Mode = JSRuntimeMode.Loose;

        var graph = Render(trace, step);

        var classArrows = graph.FindAll("[data-testid='heap-arrow'][data-label='__class__']");
        Assert.Equal(5, classArrows.Count);
        var arguments = Assert.Single(module.Invocations["layout"]).Arguments;
        var nodes = Assert.IsType<string[]>(arguments[1]);
        var edges = Assert.IsType<int[]>(arguments[3]);
        Assert.Equal(2 * nodes.Length, Assert.IsType<double[]>(arguments[2]).Length);
        Assert.Equal(graph.FindAll("[data-testid='heap-frame'], [data-testid='heap-card']").Count, nodes.Length);
        Assert.Equal(graph.FindAll("[data-testid='heap-arrow']").Count - classArrows.Count, edges.Length / 2);
    }

    [Fact]
    public void Objects_are_cards_with_their_counts_and_references_are_arrows_labelled_as_Python_reads_them()
    {
        var (trace, step) = RunTo("a = [1000, 'x' * 30]\nb = a\nd = {'key': a}\nprint(len(d))\n", 3);

        var graph = Render(trace, step);

        var list = Card(graph, "list of 2");
        Assert.Equal("3", list.QuerySelector("[data-testid='card-refcount']")!.TextContent);
        Assert.Equal("LIST", list.QuerySelector(".heap-card-type")!.TextContent.ToUpperInvariant());
        var labels = graph.FindAll("[data-testid='heap-arrow']").Select(a => a.GetAttribute("data-label")).ToList();
        Assert.Equal(new[] { "a", "b", "d", "[0]", "[1]", "['key']" }.Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));
        var listId = list.GetAttribute("data-object-id");
        Assert.Equal(3, graph.FindAll($"[data-testid='heap-arrow'][data-to='{listId}']").Count);
    }

    [Fact]
    public void The_frames_list_their_names_and_a_call_adds_the_functions_frame()
    {
        var (trace, step) = RunTo("def f(items, n):\n    total = len(items) + n\n    return total\n\ndata = [1]\nprint(f(data, 2))\n", 6);
        var call = trace.Steps.First(s => s.Line == 2).Index - 1;

        var graph = Render(trace, call);

        var frames = graph.FindAll("[data-testid='heap-frame']");
        Assert.Equal(["Global frame", "f"], frames.Select(f => f.QuerySelector(".heap-frame-title")!.TextContent));
        Assert.Equal(["f", "data"], frames[0].QuerySelectorAll("[data-testid='frame-name'] text").Select(t => t.TextContent));
        Assert.Equal(["items", "n"], frames[1].QuerySelectorAll("[data-testid='frame-name'] text").Select(t => t.TextContent));
        Assert.Equal(2, graph.FindAll("[data-testid='heap-arrow'][data-label='items'], [data-testid='heap-arrow'][data-label='data']").Count);
        _ = step;
    }

    [Fact]
    public void Shared_objects_are_marked_and_hidden_unless_a_name_or_container_refers_to_them()
    {
        var (trace, step) = RunTo("n = 7\nl = [None, 'abc']\nx = 5\ndel x\nprint(n)\n", 4);

        var graph = Render(trace, step);

        Assert.NotNull(Card(graph, "7").QuerySelector("[data-testid='card-shared']"));
        Assert.NotNull(Card(graph, "None").QuerySelector("[data-testid='card-shared']"));
        Assert.Null(Card(graph, "list of 2").QuerySelector("[data-testid='card-shared']"));
        Assert.DoesNotContain(graph.FindAll("[data-testid='card-value']"), v => v.TextContent == "5");
        Assert.Contains("shared objects hidden", graph.Find("[data-testid='graph-shared-hidden']").TextContent, StringComparison.Ordinal);

        graph.Render(p => p.Add(g => g.ShowShared, true));

        Assert.Contains(graph.FindAll("[data-testid='card-value']"), v => v.TextContent == "5");
    }

    [Fact]
    public void What_the_step_changed_is_highlighted_and_a_freed_object_fades_with_its_reason()
    {
        var (trace, step) = RunTo("a = [1]\nb = [2]\ndel a\nprint(b)\n", 3);
        var view = MemoryStepView.At(trace, step);
        var freed = FreedCard.Of(view);

        var graph = Render(trace, step, p => p.Add(g => g.Freed, freed).Add(g => g.HighlightedIds, new HashSet<long> { view.Objects.Single(o => o.Repr == "list of 1" && o.References.Count == 1 && o.RefCount == 1).Id }));

        var gone = graph.FindAll("[data-testid='heap-card'].freed").Single();
        Assert.Equal("freed: refcount 0", gone.QuerySelector("[data-testid='card-freed']")!.TextContent);
        // its badge says what its line says: the count it was freed at, not the one before the step
        Assert.Equal("0", gone.QuerySelector("[data-testid='card-refcount']")!.TextContent);
        Assert.Contains("reference count reached zero", gone.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Single(graph.FindAll("[data-testid='heap-card'].changed"));
    }

    [Fact]
    public void A_freed_object_s_references_are_drawn_released_and_the_live_ones_are_not()
    {
        // del a frees the list, which lets go of the float that b still holds
        var (trace, step) = RunTo("a = [1000.5]\nb = a[0]\ndel a\nprint(b)\n", 3);
        var view = MemoryStepView.At(trace, step);

        var graph = Render(trace, step, p => p.Add(g => g.Freed, FreedCard.Of(view)));

        var list = graph.FindAll("[data-testid='heap-card'].freed").Single().GetAttribute("data-object-id");
        var released = graph.FindAll("[data-testid='heap-arrow'].released");
        Assert.Equal([(list, "[0]")], released.Select(a => (a.GetAttribute("data-from"), a.GetAttribute("data-label"))));
        // b's arrow to the float is a live one
        Assert.Contains(graph.FindAll("[data-testid='heap-arrow']:not(.released)"), a => a.GetAttribute("data-to") == released[0].GetAttribute("data-to"));
    }

    [Fact]
    public void Arrows_between_cards_of_one_column_stay_inside_the_graph()
    {
        // The garbage collector page draws a collection's objects without frames: the class and an instance
        // share a column, and the instance's __class__ arrow (which the layout leaves out) looped out
        // past the graph's left and right edges.
        var (trace, step) = RunTo("class Node:\n    pass\na = Node()\nb = Node()\na.other = b\nb.other = a\nprint('linked')\n", 6);

        var graph = Context.Render<HeapGraph>(p => p.Add(g => g.Objects, MemoryStepView.At(trace, step).Objects.Where(o => o.Type is "Node" or "type").ToList()));

        var width = double.Parse(graph.Find("[data-testid='graph-svg']").GetAttribute("viewBox")!.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var classArrows = graph.FindAll("[data-testid='heap-arrow'][data-label='__class__'] path");
        Assert.Equal(2, classArrows.Count);
        foreach (var path in graph.FindAll("[data-testid='heap-arrow'] path"))
        {
            var numbers = path.GetAttribute("d")!.Split(' ').Where(t => t.Length > 0 && !char.IsLetter(t[0]))
                .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var xs = numbers.Where((_, i) => i % 2 == 0).ToList();
            Assert.True(xs.All(x => x >= 0 && x <= width), $"{path.GetAttribute("d")} leaves a graph {width} wide");
        }

        // The label of a line that runs down goes beside its middle, not across it.
        foreach (var arrow in graph.FindAll("[data-testid='heap-arrow'][data-label='__class__']"))
        {
            var d = arrow.QuerySelector("path")!.GetAttribute("d")!.Split(' ').Where(t => t.Length > 0 && !char.IsLetter(t[0]))
                .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var label = arrow.QuerySelector("text")!;
            Assert.Equal("start", label.GetAttribute("text-anchor"));
            Assert.True(double.Parse(label.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture) > (d[0] + d[^2]) / 2, "the label starts right of the line's middle");
        }
    }

    [Fact]
    public void Beyond_two_hundred_objects_the_graph_keeps_what_the_step_touched_and_counts_the_rest()
    {
        var (trace, step) = RunTo("rows = []\nfor i in range(300):\n    rows.append([i * 1000])\nlast = rows[-1]\nprint(len(rows))\n", 4);
        var view = MemoryStepView.At(trace, step);

        var graph = Render(trace, step, p => p.Add(g => g.HighlightedIds, view.ChangedIds));

        Assert.Equal(HeapGraphModel.SummaryObjects, graph.FindAll("[data-testid='heap-card']").Count);
        Assert.Contains("more not drawn", graph.Find("[data-testid='graph-summary']").TextContent, StringComparison.Ordinal);
        Assert.Contains(graph.FindAll("[data-testid='frame-name'] text"), t => t.TextContent == "last");
        Assert.Single(graph.FindAll("[data-testid='heap-arrow'][data-label='last']"));
    }

    [Fact]
    public void A_click_or_Enter_on_a_card_selects_it_and_a_second_click_clears_the_selection()
    {
        var (trace, step) = RunTo("a = [1]\nprint(a)\n", 1);
        long? selected = -1;
        var graph = Render(trace, step, p => p.Add(g => g.SelectedIdChanged, (long? id) => selected = id));

        Card(graph, "list of 1").Click();
        var id = long.Parse(Card(graph, "list of 1").GetAttribute("data-object-id")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(id, selected);

        graph.Render(p => p.Add(g => g.SelectedId, id));
        Assert.Contains("selected", Card(graph, "list of 1").ClassList);
        Card(graph, "list of 1").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        Assert.Null(selected);
    }

    [Fact]
    public void Selecting_an_object_shows_its_referrers_referents_and_its_count_over_the_steps()
    {
        var (trace, step) = RunTo("a = [1000]\nb = a\nbox = {'k': a}\ndel b\nprint(len(box))\n", 4);
        var view = Context.Render<RefCountStepView>(p => p.Add(v => v.Context, new MemoryStepContext(trace, MemoryStepView.At(trace, step), _ => Task.CompletedTask)));

        view.FindAll("[data-testid='heap-card']").Single(c => c.QuerySelector("[data-testid='card-value']")!.TextContent == "list of 1").Click();

        var referrers = view.Find("[data-testid='details-referrers']").TextContent;
        Assert.Contains("a global name", referrers, StringComparison.Ordinal);
        Assert.Contains("['k'] dict of 1", referrers, StringComparison.Ordinal);
        Assert.DoesNotContain("b global name", referrers, StringComparison.Ordinal);
        Assert.Contains("[0] int 1000", view.Find("[data-testid='details-referents']").TextContent, StringComparison.Ordinal);
        Assert.Equal("refcount 2", view.Find("[data-testid='details-refcount']").TextContent);
        Assert.NotEmpty(view.FindAll("[data-testid='refcount-chart'] circle"));
        Assert.Contains("b no longer refers to the list: del (line 4)", view.Find("[data-testid='refcount-history']").TextContent, StringComparison.Ordinal);
        Assert.Contains(view.FindAll("[data-testid='refcount-history'] code"), c => c.TextContent == "b");

        view.FindAll("[data-testid='neighbour-link']").First(l => l.TextContent.Contains("dict", StringComparison.Ordinal)).Click();
        Assert.Contains("dict of 1", view.Find("[data-testid='details-title']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_phone_a_class_beside_its_instance_gets_an_arrow_under_both_and_no_label_lies_on_a_card()
    {
        // Ranked top to bottom (a phone), a class and its first instance share the top rank; the phone
        // screenshot of the garbage collector page had both __class__ labels written across the cards.
        var (trace, step) = RunTo("class Node:\n    pass\na = Node()\nb = Node()\na.other = b\nb.other = a\nprint('linked')\n", 6);
        var objects = MemoryStepView.At(trace, step).Objects.Where(o => o.Type is "Node" or "type").ToList();
        var shape = LayoutShape.Of(HeapGraphModel.Build(objects, [], [], false, new HashSet<long>(), null));
        var classId = objects.Single(o => o.Type == "type").Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nodes = objects.Where(o => o.Type == "Node").Select(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var centres = new Dictionary<string, (double X, double Y)> { [classId] = (70, 37), [nodes[0]] = (210, 37), [nodes[1]] = (210, 160) };
        List<double> result = [290, 210];
        foreach (var id in shape.NodeIds)
        {
            result.AddRange([centres[id].X, centres[id].Y]);
        }

        for (var e = 0; e < shape.Edges.Length / 2; e++)
        {
            var (from, to) = (centres[shape.NodeIds[shape.Edges[2 * e]]], centres[shape.NodeIds[shape.Edges[(2 * e) + 1]]]);
            result.AddRange([2, from.X + (e * 20) - 10, from.Y + 29, to.X + (e * 20) - 10, to.Y - 29]);
        }

        var module = Context.JSInterop.SetupModule("./js/heap-layout.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<bool>("watchNarrow", _ => true).SetResult(true);
        module.Setup<double[]?>("layout", _ => true).SetResult([.. result]);

        var graph = Context.Render<HeapGraph>(p => p.Add(g => g.Objects, objects));

        graph.WaitForAssertion(() => Assert.Equal("top-to-bottom", graph.Find("[data-testid='graph-svg']").GetAttribute("data-ranks")));
        var cards = centres.Values.Select(c => (Left: c.X - 62, Top: c.Y - 29, Right: c.X + 62, Bottom: c.Y + 29)).ToList();
        var labels = new List<(double Left, double Top, double Right, double Bottom)>();
        foreach (var text in graph.FindAll("[data-testid='heap-arrow'] text"))
        {
            var x = double.Parse(text.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
            var y = double.Parse(text.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture);
            var width = text.TextContent.Length * 7.2;
            var left = text.GetAttribute("text-anchor") switch { "middle" => x - (width / 2), "end" => x - width, _ => x };
            var box = (Left: left, Top: y - 10, Right: left + width, Bottom: y + 3);
            Assert.DoesNotContain(cards, c => box.Left < c.Right && c.Left < box.Right && box.Top < c.Bottom && c.Top < box.Bottom);
            Assert.DoesNotContain(labels, l => box.Left < l.Right && l.Left < box.Right && box.Top < l.Bottom && l.Top < box.Bottom);
            labels.Add(box);
        }

        Assert.Equal(4, labels.Count);
        // The first instance's __class__ arrow leaves its card's bottom and comes up into the class's.
        var d = graph.FindAll("[data-testid='heap-arrow'][data-label='__class__']").Single(a => a.GetAttribute("data-from") == nodes[0])
            .QuerySelector("path")!.GetAttribute("d")!.Split(' ').Where(t => t.Length > 0 && !char.IsLetter(t[0]))
            .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(37 + 29, d[1]);
        Assert.Equal(37 + 29, d[^1]);
        Assert.True(d[3] > 37 + 29, "the arrow dips under the cards");
    }

    [Fact]
    public void A_list_that_holds_itself_loops_over_its_card_and_the_view_takes_in_the_loop_above_the_top_row()
    {
        // The collector page's "a list that contains itself": the loop over a card of the top row went
        // above the drawing, and the view box, starting at 0, cut it and its label off.
        var (trace, step) = RunTo("l = []\nl.append(l)\nprint(len(l))\n", 3);

        var graph = Render(trace, step);

        var loop = graph.FindAll("[data-testid='heap-arrow']").Single(a => a.GetAttribute("data-from") == a.GetAttribute("data-to"));
        var ys = Numbers(loop.QuerySelector("path")!.GetAttribute("d")!).Where((_, i) => i % 2 == 1).ToList();
        var box = Numbers(graph.Find("[data-testid='graph-svg']").GetAttribute("viewBox")!);
        var labelY = double.Parse(loop.QuerySelector("text")!.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ys.Min() < 0, "the card is on the top row, so its loop rises above the layout's box");
        Assert.True(box[1] <= ys.Min() && box[1] <= labelY - 12, $"the view box from y {box[1]} takes in the loop (up to {ys.Min()}) and its label (at {labelY})");
        Assert.Equal("[0]", loop.QuerySelector("text")!.TextContent);
    }

    [Fact]
    public void A_loop_goes_under_its_card_when_another_card_sits_above_it()
    {
        // "__del__ and resurrection": self.me = self, with the class drawn right above the instance.
        var (trace, step) = RunTo("class Phoenix:\n    pass\np = Phoenix()\np.me = p\nprint('made')\n", 5);
        var objects = MemoryStepView.At(trace, step).Objects.Where(o => o.Type is "Phoenix" or "type").ToList();

        // columns: nothing refers to the class within the graph but the instance, so both sit in one column
        var graph = Context.Render<HeapGraph>(p => p.Add(g => g.Objects, objects));

        var instance = objects.Single(o => o.Type == "Phoenix").Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cardY = Numbers(graph.FindAll("[data-testid='heap-card']").Single(c => c.GetAttribute("data-object-id") == instance).GetAttribute("transform")!);
        var loop = graph.FindAll("[data-testid='heap-arrow']").Single(a => a.GetAttribute("data-from") == instance && a.GetAttribute("data-to") == instance);
        var ys = Numbers(loop.QuerySelector("path")!.GetAttribute("d")!).Where((_, i) => i % 2 == 1).ToList();
        Assert.True(ys.Min() >= cardY[1], $"the loop ({ys.Min()}..{ys.Max()}) stays below the card's top ({cardY[1]}), away from the class above it");
    }

    [Theory]
    [InlineData("list", false, "list", null)]
    [InlineData("NoneType", true, "NoneType", "54")]
    [InlineData("weakref.ReferenceType", false, "ReferenceType", "70")]
    [InlineData("a_class_with_a_very_long_name", false, "a_class_with…", "70")]
    public void A_type_too_wide_for_its_card_is_squeezed_to_the_room_beside_the_badge_or_cut(string type, bool shared, string written, string? squeezedTo)
    {
        // weakref.ReferenceType ran under the badge and out of its card; NoneType into the "shared" chip.
        var card = Context.Render<HeapCard>(p => p.Add(c => c.Type, type).Add(c => c.Shared, shared).Add(c => c.Repr, "x").Add(c => c.Height, HeapGraphModel.CardHeight));

        var text = card.Find(".heap-card-type");
        Assert.Equal(written, text.TextContent);
        Assert.Equal(squeezedTo, text.GetAttribute("textLength"));
        Assert.Contains(type, card.Find("title").TextContent);
    }

    [Fact]
    public void A_names_arrow_to_a_card_two_ranks_on_follows_dagres_way_between_the_cards_of_the_rank_it_passes()
    {
        // "numbers" names a list whose own list sits in the rank between: the curve straight from the name
        // to the card ran through that list.
        var (trace, step) = RunTo("inner = [1000]\nnumbers = [inner]\nprint(len(numbers))\nprint('done')\n", 3);
        var view = MemoryStepView.At(trace, step);
        var frames = FrameReplay.FramesAfter(trace, step);
        var shape = LayoutShape.Of(HeapGraphModel.Build(view.Objects, frames, [], false, new HashSet<long>(), null));
        var outer = frames[0].Bindings.Single(b => b.Name == "numbers").ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<double> result = [600, 300];
        for (var i = 0; i < shape.NodeIds.Length; i++)
        {
            result.AddRange([60 + (i * 150), 80]);
        }

        for (var e = 0; e < shape.Edges.Length / 2; e++)
        {
            // every edge passes a rank on its way: a detour below the cards, at y 200
            result.AddRange([4, 100, 80, 150, 200, 400, 200, 500, 80]);
        }

        var module = Context.JSInterop.SetupModule("./js/heap-layout.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<bool>("watchNarrow", _ => true).SetResult(false);
        module.Setup<double[]?>("layout", _ => true).SetResult([.. result]);

        var graph = Render(trace, step);

        graph.WaitForAssertion(() => Assert.Contains(" L 400 200", graph.FindAll("[data-testid='heap-arrow']")
            .Single(a => a.GetAttribute("data-from") == "f0" && a.GetAttribute("data-to") == outer).QuerySelector("path")!.GetAttribute("d")));
        var d = graph.FindAll("[data-testid='heap-arrow']").Single(a => a.GetAttribute("data-from") == "f0" && a.GetAttribute("data-to") == outer).QuerySelector("path")!.GetAttribute("d")!;
        Assert.StartsWith("M ", d);
        Assert.EndsWith("L 500 80", d);
        Assert.Contains("150 200", d);
    }

    [Fact]
    public void Cards_that_no_arrow_reaches_are_explained_and_a_graph_where_every_card_is_held_says_nothing()
    {
        // The end of "del and the order of freeing": two strings with a count of 2 and no arrow in, held by
        // the code's constants, which the graph does not draw.
        var (trace, step) = RunTo("first = 'a string with spaces'\nsecond = [first]\nprint(len(second))\nprint('done')\n", 3);

        var named = Render(trace, step);
        var alone = Context.Render<HeapGraph>(p => p.Add(g => g.Objects, MemoryStepView.At(trace, step).Objects.Where(o => o.Type == "list").ToList()));

        Assert.Empty(named.FindAll("[data-testid='graph-unheld']"));
        Assert.Equal("1 object has no arrow in: held by what the graph does not draw (the evaluation stack, a code object's constants, a hidden shared object)",
            alone.Find("[data-testid='graph-unheld']").TextContent.Trim());

        // a class whose name is gone is held by its own __mro__ and descriptors until a collection frees it
        var (classes, exit) = RunTo("class Node:\n    pass\nprint('done')\n", 3);
        var afterExit = Render(classes, exit);
        Assert.Contains(afterExit.FindAll("[data-testid='heap-card']"), c => c.TextContent.Contains("class Node", StringComparison.Ordinal));
        Assert.Equal("1 object has no arrow in: held by what the graph does not draw (the evaluation stack, a code object's constants, a class's own __mro__ and descriptors, a hidden shared object)",
            afterExit.Find("[data-testid='graph-unheld']").TextContent.Trim());
    }

    [Fact]
    public void On_a_phone_the_viewport_is_asked_to_bring_the_frame_into_sight_when_it_is_drawn_somewhere_new_and_only_then()
    {
        var (trace, step) = RunTo("inner = [1000]\nnumbers = [inner]\nprint(len(numbers))\nprint('done')\n", 3);
        var view = MemoryStepView.At(trace, step);
        var shape = LayoutShape.Of(HeapGraphModel.Build(view.Objects, FrameReplay.FramesAfter(trace, step), [], false, new HashSet<long>(), null));
        List<double> result = [600, 400];
        for (var i = 0; i < shape.NodeIds.Length; i++)
        {
            result.AddRange([500 - (i * 150), 60 + (i * 100)]);
        }

        for (var e = 0; e < shape.Edges.Length / 2; e++)
        {
            result.AddRange([2, 0, 0, 10, 10]);
        }

        var module = Context.JSInterop.SetupModule("./js/heap-layout.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<bool>("watchNarrow", _ => true).SetResult(true);
        module.Setup<double[]?>("layout", _ => true).SetResult([.. result]);

        var graph = Render(trace, step);
        graph.WaitForAssertion(() => Assert.Equal("top-to-bottom", graph.Find("[data-testid='graph-svg']").GetAttribute("data-ranks")));
        graph.WaitForAssertion(() => Assert.Single(module.Invocations["revealFrame"]));

        // the same step drawn again: the frame has not moved, and a student's own scrolling stays
        graph.Render();
        graph.Render();

        Assert.Single(module.Invocations["revealFrame"]);
    }

    private static List<double> Numbers(string text) =>
        [.. text.Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Where(t => !char.IsLetter(t[0])).Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task While_a_step_is_on_screen_the_graph_of_the_next_one_is_laid_out_ahead()
    {
        var (trace, step) = RunTo("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor _ in range(3):\n    head = Node(head)\nprint(head is not None)\n", 6);
        var next = MemoryStepView.At(trace, step + 1);
        var expected = HeapGraphModel.Build(next.Objects, FrameReplay.FramesAfter(trace, step + 1), FreedCard.Of(next), false, next.ChangedIds, null);
        var shown = MemoryStepView.At(trace, step);
        var onScreen = HeapGraphModel.Build(shown.Objects, FrameReplay.FramesAfter(trace, step), FreedCard.Of(shown), false, shown.ChangedIds, null);
        Assert.NotEqual(onScreen.Signature, expected.Signature);
        var module = Context.JSInterop.SetupModule("./js/heap-layout.js");
        module.Mode = JSRuntimeMode.Loose;

        var view = Context.Render<RefCountStepView>(p => p
            .Add(v => v.Context, new MemoryStepContext(trace, shown, _ => Task.CompletedTask))
            .Add(v => v.LayOutAhead, true));

        // The layout ahead renders nothing, so bUnit's waits (which check again on a render) cannot see it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await view.InvokeAsync(() => module.Invocations["layout"].Count) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, module.Invocations["layout"].Count);
        var (first, ahead) = (module.Invocations["layout"][0].Arguments, module.Invocations["layout"][1].Arguments);
        Assert.Equal(onScreen.Frames.Count + onScreen.Cards.Count, Assert.IsType<string[]>(first[1]).Length);
        Assert.Equal(expected.Frames.Count + expected.Cards.Count, Assert.IsType<string[]>(ahead[1]).Length);
        Assert.NotEqual(Assert.IsType<string[]>(first[1]), Assert.IsType<string[]>(ahead[1]));
        Assert.Equal(expected.Arrows.Count(a => a.Label != "__class__"), Assert.IsType<int[]>(ahead[3]).Length / 2);
        Assert.Equal(onScreen.Cards.Count, view.FindAll("[data-testid='heap-card']").Count);
    }

    [Fact]
    public async Task A_graph_made_ahead_is_shown_only_for_the_step_it_was_made_for_and_reads_as_one_made_then()
    {
        var trace = MemorySimulator.Run("class Node:\n    def __init__(self, previous):\n        self.previous = previous\nhead = None\nfor i in range(4):\n    head = Node(head)\nxs = [head, 'x' * 3]\ndel xs[0]\nprint('done')\n", new SimulationOptions());
        var module = Context.JSInterop.SetupModule("./js/heap-layout.js");
        module.Mode = JSRuntimeMode.Loose;
        var cursor = new HeapCursor(trace);
        var spare = new HeapCursor(trace);

        void Show(IRenderedComponent<HeapGraph> graph, MemoryStepView view) => graph.Render(p => p
            .Add(g => g.Objects, view.Objects).Add(g => g.Frames, view.Frames).Add(g => g.Freed, view.FreedCards)
            .Add(g => g.HighlightedIds, view.ChangedIds).Add(g => g.Heap, view.Cursor));

        static string Drawn(IRenderedComponent<HeapGraph> graph) => string.Join("\n",
            graph.FindAll("[data-testid='heap-card']").Select(c => c.GetAttribute("aria-label") + " " + c.GetAttribute("transform"))
                .Concat(graph.FindAll("[data-testid='heap-arrow']").Select(a => $"{a.GetAttribute("data-from")}->{a.GetAttribute("data-to")} {a.GetAttribute("data-label")} {a.QuerySelector("path")!.GetAttribute("d")}"))
                .Concat(graph.FindAll("[data-testid='frame-name']").Select(n => n.TextContent)));

        var graph = Context.Render<HeapGraph>();
        Show(graph, MemoryStepView.At(cursor, 0));
        await graph.InvokeAsync(() => { }); // the module is imported after the first render
        for (var step = 1; step < trace.Steps.Count; step++)
        {
            // made ahead for this step; every third step, for one the student then does not go to
            var aheadStep = step % 3 == 0 ? Math.Min(step + 2, trace.Steps.Count - 1) : step;
            var ahead = MemoryStepView.At(spare, aheadStep);
            await graph.InvokeAsync(() => graph.Instance.Prepare(ahead.Objects, ahead.Frames, ahead.FreedCards, ahead.ChangedIds, ahead.Cursor));
            MemoryStepView view;
            if (aheadStep == step)
            {
                (cursor, spare) = (spare, cursor);
                view = ahead;
            }
            else
            {
                view = MemoryStepView.At(cursor, step);
            }

            Show(graph, view);
            var fresh = Context.Render<HeapGraph>();
            var made = MemoryStepView.At(trace, step);
            Show(fresh, made);
            Assert.Equal(Drawn(fresh), Drawn(graph));
        }
    }
}
