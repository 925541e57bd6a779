using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Playground.Client.Components.Processes.Timeline;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

public sealed class ProcessTimelineViewTests : BunitTestBase
{
    private double? _cursor;

    private IRenderedComponent<ProcessTimelineView> Render(string recording, double? until = null)
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load(recording));
        return Context.Render<ProcessTimelineView>(p => p
            .Add(c => c.Timeline, timeline)
            .Add(c => c.Until, until)
            .Add(c => c.Cursor, _cursor)
            .Add(c => c.CursorChanged, c => _cursor = c));
    }

    [Fact]
    public void Producer_and_consumer_draw_a_lane_each_and_eleven_labelled_arrows_between_them()
    {
        var view = Render("queue_producer_consumer");

        Assert.Equal(["MainProcess", "Process-1", "Process-2"], view.FindAll("[data-testid='timeline-lane-name'] .name").Select(n => n.TextContent));
        Assert.Equal(3, view.FindAll("[data-testid='timeline-lane']").Count);
        var arrows = view.FindAll("[data-testid='message-arrow']");
        Assert.Equal(11, arrows.Count);
        Assert.All(arrows, a => Assert.Equal(("3", "4"), (a.GetAttribute("data-from"), a.GetAttribute("data-to"))));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "None"], arrows.Select(a => a.QuerySelector("title")!.TextContent).Order(StringComparer.Ordinal));
        Assert.Contains("11 messages in view", view.Find("[data-testid='timeline-arrow-count']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Puts_crowded_at_the_whole_run_zoom_are_drawn_as_one_bundle_with_one_head_and_spread_into_arrows_when_zoomed_in()
    {
        var view = Render("queue_producer_consumer");
        view.InvokeAsync(() => view.Instance.OnWidthChanged(300));

        var bundle = view.Find("[data-testid='message-bundle']");
        var inside = bundle.QuerySelectorAll("[data-testid='message-arrow']");
        Assert.True(inside.Length >= 2, "the crowded puts are bundled");
        Assert.Equal(inside.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), bundle.GetAttribute("data-count"));
        Assert.All(inside, a => Assert.Null(a.QuerySelector("line")!.GetAttribute("marker-end")));
        Assert.Single(bundle.QuerySelectorAll("[marker-end]"));
        var label = view.Find("[data-testid='message-bundle-label']");
        Assert.Equal($"{inside.Length} messages", label.TextContent);
        // the last messages of a run end at the drawing's right edge: the count is written left of the bundle, not cut off
        var x = double.Parse(label.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(label.GetAttribute("text-anchor") == "end" ? x <= 300 : x + (label.TextContent.Length * 7.2) <= 300, $"the label at {x} ({label.GetAttribute("text-anchor")}) fits in 300 px");
        Assert.StartsWith($"{inside.Length} messages on Queue-", bundle.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        // every message is still there, with its value
        Assert.Equal(11, view.FindAll("[data-testid='message-arrow']").Count);
        // the labels are drawn after every line, so that no arrow crosses one out
        var drawn = view.FindAll("[data-testid='message-arrow'] line, .bundle-line, .arrow-label").ToList();
        Assert.True(drawn.FindLastIndex(e => e.LocalName == "line") < drawn.FindIndex(e => e.LocalName == "text"), "a line is drawn over a label");

        view.InvokeAsync(() => view.Instance.OnWidthChanged(200_000));

        Assert.Empty(view.FindAll("[data-testid='message-bundle']"));
        Assert.Equal(11, view.FindAll("[data-testid='message-arrow'] line[marker-end]").Count);
        var spread = view.FindAll("[data-testid='message-arrow'] line, .arrow-label").ToList();
        Assert.True(spread.Count(e => e.LocalName == "text") > 1, "the spread arrows are labelled");
        // each label (11 px: from 9 above its baseline to 2 below) stands in a gap between lanes, hiding no bar
        var lanes = view.FindAll("rect.lane-bg").Select(r => (Top: Number(r, "y"), Bottom: Number(r, "y") + Number(r, "height"))).ToList();
        Assert.All(view.FindAll(".arrow-label"), label =>
            Assert.DoesNotContain(lanes, lane => Number(label, "y") - 9 < lane.Bottom && Number(label, "y") + 2 > lane.Top));
        Assert.True(spread.FindLastIndex(e => e.LocalName == "line") < spread.FindIndex(e => e.LocalName == "text"), "a line is drawn over a label");
    }

    [Theory]
    [InlineData("pipe_ping_pong")]
    [InlineData("queue_producer_consumer")]
    [InlineData("five_workers")]
    public void No_two_labels_in_one_gap_between_lanes_print_over_each_other_at_any_width(string recording)
    {
        var view = Render(recording);
        foreach (var width in new[] { 300, 390, 500, 700, 900, 1200, 2000, 5000 })
        {
            view.InvokeAsync(() => view.Instance.OnWidthChanged(width));
            var labels = view.FindAll(".arrow-label").Select(l =>
            {
                var (x, length) = (Number(l, "x"), l.TextContent.Length * 6.6);
                return (Baseline: Number(l, "y"), Left: l.GetAttribute("text-anchor") == "end" ? x - length : x, Right: l.GetAttribute("text-anchor") == "end" ? x : x + length, Text: l.TextContent);
            }).ToList();
            foreach (var a in labels)
            {
                Assert.DoesNotContain(labels, b => a != b && a.Baseline == b.Baseline && a.Left < b.Right && b.Left < a.Right);
            }
        }
    }

    private static double Number(AngleSharp.Dom.IElement e, string attribute) =>
        double.Parse(e.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("queue_producer_consumer", false)]
    [InlineData("pipe_ping_pong", false)]
    [InlineData("two_lock_deadlock", true)]
    [InlineData("five_workers", true)]
    public void Every_tick_label_stays_inside_the_timeline(string recording, bool tickByTheEdge)
    {
        var view = Render(recording);

        // the default width, 800 px, until the browser measures the plot; a label is about 6.5 px a character
        var labels = view.FindAll(".tick-label");
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            var x = double.Parse(label.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
            var extent = label.TextContent.Length * 6.5;
            Assert.True(label.GetAttribute("text-anchor") == "end" ? x - extent >= 0 : x + extent <= 800, $"'{label.TextContent}' at {x}");
        }

        // five workers' and the deadlock's runs put their last tick by the right edge, where its label goes to the tick's left
        Assert.Equal(tickByTheEdge, labels.Any(l => l.GetAttribute("text-anchor") == "end"));
    }

    [Fact]
    public void Each_lane_draws_one_path_per_activity_it_went_through()
    {
        var view = Render("queue_producer_consumer");

        var consumer = view.Find("[data-testid='timeline-lane'][data-pid='4']");
        Assert.Equal(["Starting", "Running", "WaitingForQueue", "Exited"], consumer.QuerySelectorAll("path").Select(p => p.GetAttribute("data-activity")!));
    }

    [Fact]
    public void While_the_run_goes_on_the_whole_run_view_has_room_to_grow_and_one_zoom_in_still_narrows_it()
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load("pipe_ping_pong"));
        var view = Context.Render<ProcessTimelineView>(p => p.Add(c => c.Timeline, timeline).Add(c => c.Live, true));
        var live = TimelineViewport.FitLive(timeline.Origin, timeline.Now);
        Assert.True(live.To > timeline.Now);
        Assert.EndsWith("(the whole run)", view.Find("[data-testid='timeline-range']").TextContent, StringComparison.Ordinal);

        view.Find("[data-testid='timeline-zoom-in']").Click();

        Assert.Contains(" of ", view.Find("[data-testid='timeline-range']").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("five_workers", 0)]
    [InlineData("pipe_ping_pong", 0)]
    [InlineData("pipe_ping_pong", 3)]
    [InlineData("two_lock_deadlock", 0)]
    [InlineData("two_lock_deadlock", 2)]
    public void The_range_is_written_in_the_unit_of_the_ruler(string recording, int zoomIns)
    {
        var view = Render(recording);
        for (var i = 0; i < zoomIns; i++)
        {
            view.Find("[data-testid='timeline-zoom-in']").Click();
        }

        static string Unit(string time) => time.Trim().Split(' ')[^1];
        var ruler = view.FindAll(".ruler .tick-label").Select(t => Unit(t.TextContent)).Distinct().ToList();
        var range = view.Find("[data-testid='timeline-range']").TextContent.Split(" (")[0].Split(" of ")[0].Split(" – ");

        Assert.Single(ruler);
        Assert.Equal([ruler[0], ruler[0]], range.Select(Unit));
        // the run's length, when zoomed in, to a thousandth of itself: not "of 358,143 µs"
        var total = view.Find("[data-testid='timeline-range']").TextContent.Split(" of ") is [_, var of] ? of : null;
        Assert.True(zoomIns == 0 ? total is null : total is not null && total.Replace(",", "", StringComparison.Ordinal).Split(' ')[0].Replace(".", "", StringComparison.Ordinal).Length <= 4, total);
    }

    [Fact]
    public void Zooming_in_narrows_the_range_and_fit_shows_the_whole_run_again()
    {
        var view = Render("pipe_ping_pong");
        Assert.EndsWith("(the whole run)", view.Find("[data-testid='timeline-range']").TextContent, StringComparison.Ordinal);

        view.Find("[data-testid='timeline-zoom-in']").Click();
        view.Find("[data-testid='timeline-zoom-in']").Click();
        Assert.Contains(" of ", view.Find("[data-testid='timeline-range']").TextContent, StringComparison.Ordinal);
        Assert.True(view.FindAll("[data-testid='message-arrow']").Count < 10, "some arrows leave the view when zoomed in");

        view.Find("[data-testid='timeline-fit']").Click();
        Assert.EndsWith("(the whole run)", view.Find("[data-testid='timeline-range']").TextContent, StringComparison.Ordinal);
        Assert.Equal(10, view.FindAll("[data-testid='message-arrow']").Count);
    }

    [Fact]
    public void A_click_places_the_cursor_and_the_arrow_keys_move_it()
    {
        var view = Render("queue_producer_consumer");
        var plot = view.Find("[data-testid='timeline-plot']");

        plot.PointerDown(new PointerEventArgs { OffsetX = 400, OffsetY = 60 });
        plot.PointerUp(new PointerEventArgs { OffsetX = 400, OffsetY = 60 });
        var clicked = _cursor;
        Assert.NotNull(clicked);
        Assert.Equal("400", view.Find("[data-testid='timeline-cursor']").GetAttribute("x1"));

        plot.KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.True(_cursor > clicked);
        plot.KeyDown(new KeyboardEventArgs { Key = "Home" });
        Assert.Equal("0", view.Find("[data-testid='timeline-cursor']").GetAttribute("x1"));
    }

    [Fact]
    public void At_a_replay_instant_only_the_messages_received_by_then_are_drawn()
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load("queue_producer_consumer"));
        var fifth = timeline.Arrows.OrderBy(a => a.ReceivedAt).ElementAt(4).ReceivedAt;

        var view = Render("queue_producer_consumer", until: fifth);

        Assert.Equal(5, view.FindAll("[data-testid='message-arrow']").Count);
    }
}
