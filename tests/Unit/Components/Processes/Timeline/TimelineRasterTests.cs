using System.Diagnostics;
using System.Text.Json;
using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

public sealed class TimelineRasterTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoData = new Dictionary<string, JsonElement>();

    /// <summary>A worker that takes and releases a lock <paramref name="rounds"/> times, 10 µs apart: 2 events per round.</summary>
    private static ProcessTimeline LockRounds(int rounds)
    {
        var timeline = new ProcessTimeline();
        var events = new List<ProcessEvent> { new(ProcessEventKinds.ProcessRun, 3, "Process-1", 0, 1, NoData) };
        var lockData = new Dictionary<string, JsonElement> { ["lock"] = JsonSerializer.SerializeToElement("Lock-1") };
        for (var i = 0; i < rounds; i++)
        {
            events.Add(new(ProcessEventKinds.LockRequested, 3, "Process-1", 1e-3 + (i * 10e-6), events.Count + 1, lockData));
            events.Add(new(ProcessEventKinds.LockAcquired, 3, "Process-1", 1e-3 + (i * 10e-6) + 4e-6, events.Count + 1, lockData));
        }

        foreach (var batch in events.Chunk(500))
        {
            timeline.Apply(batch);
        }

        return timeline;
    }

    [Fact]
    public void A_hundred_thousand_events_zoomed_out_draw_at_most_a_bar_per_pixel_column()
    {
        var timeline = LockRounds(50_000);
        var lane = timeline.Lanes.Single();
        var view = TimelineViewport.Fit(timeline.Origin, timeline.Now);

        // once before the clock starts, so the measure is the raster and not the JIT's first compile
        TimelineRaster.Bars(lane, view, timeline.Now, 1200);
        var watch = Stopwatch.StartNew();
        var bars = TimelineRaster.Bars(lane, view, timeline.Now, 1200);
        watch.Stop();

        Assert.Equal(100_001, timeline.EventCount);
        Assert.Equal(100_001, lane.Segments.Count);
        Assert.InRange(bars.Count, 1, 1200);
        Assert.All(bars, b => Assert.InRange(b.X, 0, 1200));
        // running 6 µs out of every 10: each column of the busy part is mostly running
        Assert.Equal(LaneActivity.Running, bars.GroupBy(b => b.Activity).MaxBy(g => g.Sum(b => b.Width))!.Key);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"rasterizing took {watch.ElapsedMilliseconds} ms");
        Assert.InRange(LanePaths.Of(bars, 0, 18).Count, 1, Enum.GetValues<LaneActivity>().Length);
    }

    [Fact]
    public void Zoomed_in_every_stretch_gets_its_own_bar_with_its_description()
    {
        var timeline = LockRounds(50);
        var lane = timeline.Lanes.Single();
        var view = new TimelineViewport(1e-3, 1e-3 + 29e-6);

        var bars = TimelineRaster.Bars(lane, view, timeline.Now, 1200);

        Assert.Equal(
            [LaneActivity.WaitingForLock, LaneActivity.Running, LaneActivity.WaitingForLock, LaneActivity.Running, LaneActivity.WaitingForLock, LaneActivity.Running],
            bars.Select(b => b.Activity));
        Assert.Equal("blocked on a lock (Lock 1)", bars[0].Title);
        Assert.Equal(4e-6 * 1200 / 29e-6, bars[0].Width, 3);
    }

    [Fact]
    public void Nothing_after_the_replay_instant_is_drawn()
    {
        var timeline = LockRounds(100);
        var lane = timeline.Lanes.Single();
        var view = TimelineViewport.Fit(timeline.Origin, timeline.Now);
        var half = timeline.Origin + (timeline.Duration / 2);

        var bars = TimelineRaster.Bars(lane, view, half, 1000);

        Assert.InRange(bars.Max(b => b.X + b.Width), 499, 501);
    }

    [Fact]
    public void Zoom_keeps_the_instant_under_the_pointer_and_pan_stays_inside_the_run()
    {
        var view = TimelineViewport.Fit(10, 20);

        var zoomed = view.ZoomAt(0.25, 2, 10, 20);
        Assert.Equal(12.5, zoomed.TimeAt(0.25), 9);
        Assert.Equal(5, zoomed.Span, 9);

        var panned = zoomed.PanBy(10, 10, 20);
        Assert.Equal((15.0, 20.0), (panned.From, panned.To));
        Assert.Equal(view, zoomed.ZoomAt(0.5, 1e-3, 10, 20));
        Assert.Equal(TimelineViewport.MinimumSpan, view.ZoomAt(0.5, 1e12, 10, 20).Span, 12);
    }

    [Fact]
    public void The_ruler_counts_from_the_start_of_the_run_in_round_steps()
    {
        var ticks = TimeAxis.Ticks(new TimelineViewport(100.0, 100.5), origin: 100.0, width: 500);

        Assert.Equal(["0.0 s", "0.1 s", "0.2 s", "0.3 s", "0.4 s", "0.5 s"], ticks.Select(t => t.Label));
        Assert.Equal(100, ticks[1].X, 6);
        Assert.Equal("250 µs", TimeAxis.Format(250e-6, 50e-6));
        Assert.Equal("12 ms", TimeAxis.Format(0.012, 0.002));
        Assert.Equal("1,756 ms", TimeAxis.Format(1.756, 1e-3));
    }

    [Fact]
    public void Beyond_the_cap_arrows_are_thinned_to_one_per_lane_pair_and_few_pixels()
    {
        var messages = Enumerable.Range(0, 5000)
            .Select(i => new MessageArrow($"3.{i}", "Queue-1", 3, i * 1e-4, 4, (i * 1e-4) + 5e-5, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var view = new TimelineViewport(0, 0.5);

        var drawn = TimelineRaster.Arrows(messages, view, until: 1, width: 1000, out var inView);

        Assert.Equal(5000, inView);
        Assert.InRange(drawn.Count, 200, TimelineRaster.MaxArrows);
        Assert.Equal(drawn.Count, drawn.Select(a => (int)Math.Floor(a.FromX / 4)).Distinct().Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Remembered_arrows_are_the_arrows_drawn_afresh_as_messages_stream_in_past_the_cap(bool zoomedIn)
    {
        // three lane pairs, 3,000 messages arriving in batches of 97, as a live run's frames see them
        var all = Enumerable.Range(0, 3000)
            .Select(i => new MessageArrow($"{i}", "Queue-1", 3 + (i % 3), i * 1e-4, 7 + (i % 2), (i * 1e-4) + 3e-4, $"{i}"))
            .ToList();
        var messages = new List<MessageArrow>();
        var fold = new TimelineRaster.ArrowFold();
        var crossed = false;
        foreach (var batch in all.Chunk(97))
        {
            messages.AddRange(batch);
            var now = messages[^1].ReceivedAt;
            var view = zoomedIn ? new TimelineViewport(0.05, 0.1) : TimelineViewport.FitLive(0, now);
            var remembered = fold.Arrows(messages, view, now, 900, out var inView);
            var fresh = TimelineRaster.Arrows(messages, view, now, 900, out var freshInView);
            Assert.Equal(freshInView, inView);
            Assert.Equal(fresh, remembered);
            crossed |= inView > TimelineRaster.MaxArrows;
        }

        Assert.True(crossed, "the cap was never crossed");
    }

    [Fact]
    public void A_message_received_after_the_instant_drawn_is_drawn_once_the_instant_reaches_it()
    {
        var messages = new List<MessageArrow>
        {
            new("a", "Pipe-1", 3, 0.1, 4, 0.2, "1"),
            new("b", "Pipe-1", 4, 0.3, 3, 0.9, "2"),
        };
        var fold = new TimelineRaster.ArrowFold();
        var view = new TimelineViewport(0, 1);

        Assert.Equal(["1"], fold.Arrows(messages, view, 0.5, 100, out _).Select(a => a.Message.Label));
        Assert.Equal(["1", "2"], fold.Arrows(messages, view, 0.95, 100, out var inView).Select(a => a.Message.Label));
        Assert.Equal(2, inView);
        Assert.Equal(["1"], fold.Arrows(messages, view, 0.5, 100, out _).Select(a => a.Message.Label));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_lanes_remembered_raster_draws_what_a_fresh_one_draws_as_the_run_streams_in(bool zoomedIn)
    {
        // the locked counter: two workers taking an RLock 400 times, streamed in batches of 37 events
        var events = Playground.Tests.Unit.Components.Processes.RecordedRun.Load("counter_locked");
        var timeline = new ProcessTimeline();
        var rasters = new Dictionary<int, TimelineRaster.LaneRaster>();
        var compared = 0;
        foreach (var batch in events.Chunk(37))
        {
            timeline.Apply(batch);
            var view = TimelineViewport.FitLive(timeline.Origin, timeline.Now);
            if (zoomedIn)
            {
                view = new TimelineViewport(view.From + (view.Span / 4), view.From + (view.Span / 2));
            }

            foreach (var lane in timeline.Lanes)
            {
                var raster = rasters.TryGetValue(lane.Pid, out var r) ? r : rasters[lane.Pid] = new TimelineRaster.LaneRaster();
                var remembered = raster.Bars(lane, view, timeline.Now, 640);
                Assert.Equal(TimelineRaster.Bars(lane, view, timeline.Now, 640), remembered);
                compared += remembered.Count;
            }
        }

        Assert.True(compared > 100, $"only {compared} bars compared");
    }

    [Fact]
    public void On_a_budget_a_new_view_shows_the_last_drawing_moved_there_until_its_own_is_folded()
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(Playground.Tests.Unit.Components.Processes.RecordedRun.Load("counter_locked"));
        var lane = timeline.Lanes.MaxBy(l => l.Segments.Count)!;
        Assert.True(lane.Segments.Count > 300, $"{lane.Segments.Count} stretches");
        var whole = TimelineViewport.Fit(timeline.Origin, timeline.Now);
        var secondHalf = new TimelineViewport(whole.TimeAt(0.5), whole.To);
        var raster = new TimelineRaster.LaneRaster();
        var before = raster.Bars(lane, whole, timeline.Now, 600, budget: 100);
        var calls = 1;
        while (!raster.Complete)
        {
            before = raster.Bars(lane, whole, timeline.Now, 600, budget: 100);
            calls++;
        }

        Assert.True(calls > 2, $"folded in {calls} calls");
        Assert.Equal(TimelineRaster.Bars(lane, whole, timeline.Now, 600), before);

        // zoomed on the second half: until it is folded, the whole run's bars of that half, stretched twice
        var moved = raster.Bars(lane, secondHalf, timeline.Now, 600, budget: 100);
        Assert.False(raster.Complete);
        var expected = before.Where(b => b.X + b.Width > 300).Select(b => (X: Math.Max(0, (b.X - 300) * 2), Right: Math.Min(600, (b.X + b.Width - 300) * 2), b.Activity)).ToList();
        Assert.Equal(expected.Select(b => (Math.Round(b.X, 6), Math.Round(b.Right, 6), b.Activity)),
            moved.Select(b => (Math.Round(b.X, 6), Math.Round(b.X + b.Width, 6), b.Activity)));

        var zoomed = moved;
        while (!raster.Complete)
        {
            zoomed = raster.Bars(lane, secondHalf, timeline.Now, 600, budget: 100);
        }

        Assert.Equal(TimelineRaster.Bars(lane, secondHalf, timeline.Now, 600), zoomed);
    }

    [Fact]
    public void A_live_view_stays_put_while_the_run_grows_within_its_room_and_always_holds_now()
    {
        var first = TimelineViewport.FitLive(100, 100.8);
        Assert.Equal(new TimelineViewport(100, 101), first);
        Assert.Equal(first, TimelineViewport.FitLive(100, 100.9));
        var later = TimelineViewport.FitLive(100, 101.2);
        Assert.Equal(new TimelineViewport(100, 101.5), later);
        foreach (var now in new[] { 100.00001, 100.003, 100.7, 104, 133 })
        {
            var view = TimelineViewport.FitLive(100, now);
            Assert.True(view.To >= now && view.To <= 100 + ((now - 100) * 1.8) + TimelineViewport.MinimumSpan, $"{now}: {view}");
        }
    }
}
