using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

public sealed class ProcessTimelineTests
{
    private static ProcessTimeline Fold(string recording, int batch = 7)
    {
        var timeline = new ProcessTimeline();
        foreach (var chunk in RecordedRuns.Load(recording).Chunk(batch))
        {
            timeline.Apply(chunk);
        }

        return timeline;
    }

    private static TimelineLane Lane(ProcessTimeline timeline, string name) => timeline.Lanes.Single(l => l.Name == name);

    [Fact]
    public void In_step_mode_a_process_waiting_for_its_grant_is_shown_waiting_for_the_student()
    {
        var timeline = new ProcessTimeline();
        foreach (var chunk in RecordedRun.Load("counter_unlocked_step_waits").Chunk(3))
        {
            timeline.Apply(chunk);
        }

        Assert.Equal("waiting for you to press Next (process.join)", Lane(timeline, "MainProcess").StateAt(timeline.Now));
        Assert.Equal("waiting for you to press Next (value.read)", Lane(timeline, "Process-1").StateAt(timeline.Now));
        Assert.Equal("waiting for you to press Next (value.read)", Lane(timeline, "Process-2").StateAt(timeline.Now));
        // before its step.wait the worker ran
        var worker = Lane(timeline, "Process-1");
        Assert.Equal("running", worker.StateAt(worker.Segments.Single(s => s.Activity == LaneActivity.WaitingForGrant).Start - 0.001));
    }

    [Fact]
    public void Producer_and_consumer_have_an_arrow_for_every_item_from_producer_to_consumer_in_order()
    {
        var timeline = Fold("queue_producer_consumer");
        var producer = Lane(timeline, "Process-1");
        var consumer = Lane(timeline, "Process-2");

        Assert.Equal(11, timeline.Arrows.Count);
        Assert.All(timeline.Arrows, a => Assert.Equal((producer.Pid, consumer.Pid), (a.FromPid, a.ToPid)));
        Assert.All(timeline.Arrows, a => Assert.True(a.ReceivedAt > a.SentAt, $"{a.Label} received before it was sent"));
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "None"],
            timeline.Arrows.OrderBy(a => a.ReceivedAt).Select(a => a.Label));
        Assert.Single(timeline.Arrows.Select(a => a.Channel).Distinct());
    }

    [Fact]
    public void The_arrows_are_the_same_whatever_size_the_batches_come_in()
    {
        var one = Fold("queue_producer_consumer", batch: 1).Arrows.Select(a => (a.Id, a.SentAt, a.ReceivedAt)).Order();
        var all = Fold("queue_producer_consumer", batch: 1000).Arrows.Select(a => (a.Id, a.SentAt, a.ReceivedAt)).Order();

        Assert.Equal(one, all);
    }

    [Fact]
    public void A_received_message_that_arrives_before_its_send_is_still_matched()
    {
        var events = RecordedRuns.Load("queue_producer_consumer");
        var timeline = new ProcessTimeline();

        // every get first, then every put: the receiving process's connection was read first
        timeline.Apply(events.Where(e => e.Kind == ProcessEventKinds.QueueGet));
        Assert.Empty(timeline.Arrows);
        timeline.Apply(events.Where(e => e.Kind == ProcessEventKinds.QueuePut));

        Assert.Equal(11, timeline.Arrows.Count);
    }

    [Fact]
    public void Ping_pong_arrows_go_from_parent_to_child_and_back_five_times_each()
    {
        var timeline = Fold("pipe_ping_pong");
        var main = Lane(timeline, "MainProcess");
        var child = Lane(timeline, "Process-1");

        var byTime = timeline.Arrows.OrderBy(a => a.SentAt).ToList();
        Assert.Equal(10, byTime.Count);
        Assert.All(byTime, a => Assert.True(a.ReceivedAt > a.SentAt, $"{a.Label} received before it was sent"));
        for (var i = 0; i < 10; i += 2)
        {
            Assert.Equal((main.Pid, child.Pid, "'ping'"), (byTime[i].FromPid, byTime[i].ToPid, byTime[i].Label));
            Assert.Equal((child.Pid, main.Pid, "'pong'"), (byTime[i + 1].FromPid, byTime[i + 1].ToPid, byTime[i + 1].Label));
        }
    }

    [Fact]
    public void A_process_a_signal_ended_is_said_to_be_killed_by_it_with_its_exit_code()
    {
        Assert.Equal("killed by SIGKILL (exit code -9)", new TimelineSegment(0, null, LaneActivity.Exited, "-9").Describe());
        Assert.Equal("killed by SIGTERM (exit code -15)", new TimelineSegment(0, null, LaneActivity.Exited, "-15").Describe());
        Assert.Equal("killed by signal 10 (exit code -10)", new TimelineSegment(0, null, LaneActivity.Exited, "-10").Describe());
        Assert.Equal("exited with code 3", new TimelineSegment(0, null, LaneActivity.Exited, "3").Describe());
    }

    [Fact]
    public void Lanes_start_run_block_on_the_queue_join_and_exit_with_their_codes()
    {
        var timeline = Fold("queue_producer_consumer");

        Assert.Equal(["MainProcess", "Process-1", "Process-2"], timeline.Lanes.Select(l => l.Name));
        var consumer = Lane(timeline, "Process-2");
        Assert.Equal(LaneActivity.Starting, consumer.Segments[0].Activity);
        Assert.Equal(LaneActivity.Running, consumer.Segments[1].Activity);
        Assert.Contains(consumer.Segments, s => s.Activity == LaneActivity.WaitingForQueue && s.Detail!.StartsWith("Queue-", StringComparison.Ordinal));
        Assert.Contains(Lane(timeline, "MainProcess").Segments, s => s.Activity == LaneActivity.Joining && s.Detail == "Process-1");
        Assert.All(timeline.Lanes.Skip(1), l => Assert.Equal("exited with code 0", l.Segments[^1].Describe()));
        // the main process's own exit code is the runner's to report (RunResult.ExitCode)
        Assert.Equal("exited", Lane(timeline, "MainProcess").Segments[^1].Describe());
        Assert.All(timeline.Lanes, l => Assert.All(l.Segments.Zip(l.Segments.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start)));
    }

    [Fact]
    public void The_cursor_reads_each_lane_and_each_queue_size_at_its_instant()
    {
        var timeline = Fold("queue_producer_consumer");
        var consumer = Lane(timeline, "Process-2");
        var firstWait = consumer.Segments.First(s => s.Activity == LaneActivity.WaitingForQueue);
        var during = (firstWait.Start + firstWait.End!.Value) / 2;

        Assert.StartsWith("blocked on a queue (Queue ", consumer.At(during)!.Describe(), StringComparison.Ordinal);
        Assert.Null(consumer.At(timeline.Origin));
        Assert.Equal("exited with code 0", consumer.At(timeline.Now)!.Describe());
        var queue = firstWait.Detail!;
        var lastPut = timeline.Arrows.Max(a => a.SentAt);
        var firstGet = timeline.Arrows.Min(a => a.ReceivedAt);
        Assert.Contains((queue, "11 items"), timeline.ObservedAt(lastPut));
        Assert.Contains((queue, "0 items"), timeline.ObservedAt(timeline.Now));
        Assert.True(lastPut < firstGet, "the producer put everything before the first get in this recording");
        Assert.Empty(timeline.ObservedAt(timeline.Origin));
    }

    [Fact]
    public void The_deadlocked_workers_stay_blocked_on_their_locks_to_the_end()
    {
        var timeline = Fold("two_lock_deadlock");

        var workers = timeline.Lanes.Where(l => l.Name.StartsWith("Process-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, w => Assert.Equal(LaneActivity.WaitingForLock, w.At(timeline.Now)!.Activity));
        Assert.All(workers, w => Assert.Null(w.Segments[^1].End));
        Assert.Equal(LaneActivity.Joining, Lane(timeline, "MainProcess").At(timeline.Now)!.Activity);
    }

    [Fact]
    public void Replay_steps_are_the_events_in_time_order()
    {
        var events = RecordedRuns.Load("five_workers");
        var timeline = new ProcessTimeline();
        timeline.Apply(events);

        var sorted = events.Select(e => e.Timestamp).Order().ToList();
        Assert.Equal(events.Count, timeline.EventCount);
        Assert.Equal(sorted[0], timeline.TimeOfEvent(0));
        Assert.Equal(sorted[^1], timeline.TimeOfEvent(events.Count - 1));
        Assert.Equal(10, timeline.EventsUntil(sorted[9]));
        Assert.Equal(5, timeline.Console.Count(l => l.Timestamp <= timeline.Now));
    }
}
