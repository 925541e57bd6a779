using Bunit;
using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

/// <summary>The lanes table: the timeline's own lanes, in the timeline's words, now or at an instant.</summary>
public sealed class ProcessLanesTableTests : BunitTestBase
{
    private IRenderedComponent<ProcessLanesTable> Render(string recording, double? time = null)
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load(recording));
        return Context.Render<ProcessLanesTable>(p => p.Add(v => v.Timeline, timeline).Add(v => v.Time, time));
    }

    private static List<string> States(IRenderedComponent<ProcessLanesTable> view) =>
        [.. view.FindAll("[data-testid=process-lane]").Select(r => $"{r.QuerySelector("td")!.TextContent}: {r.QuerySelector("[data-testid=lane-state]")!.TextContent}")];

    [Fact]
    public void At_the_end_of_the_deadlock_the_parent_waits_to_join_and_each_worker_is_blocked_on_a_lock_in_words()
    {
        var view = Render("two_lock_deadlock");

        var states = States(view);
        Assert.Equal("MainProcess: waiting to join (Process-1)", states[0]);
        Assert.Matches("^Process-[12]: blocked on a lock \\(Lock 0x[0-9a-f]+\\)$", states[1]);
        Assert.Matches("^Process-[12]: blocked on a lock \\(Lock 0x[0-9a-f]+\\)$", states[2]);
        Assert.Equal(["4", "4", "4"], view.FindAll("[data-testid=lane-events]").Select(c => c.TextContent));
    }

    [Fact]
    public void Once_the_deadlocked_run_has_ended_a_process_that_never_exited_is_said_killed_with_it_as_the_summary_says()
    {
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load("two_lock_deadlock"));
        var ended = Context.Render<ProcessLanesTable>(p => p.Add(v => v.Timeline, timeline).Add(v => v.Ended, true));
        var earlier = Context.Render<ProcessLanesTable>(p => p.Add(v => v.Timeline, timeline).Add(v => v.Ended, true).Add(v => v.Time, timeline.Now - 0.01));

        Assert.Equal("MainProcess: waiting to join (Process-1); killed at the run's end", States(ended)[0]);
        Assert.All(States(ended).Skip(1), s => Assert.Matches("^Process-[12]: blocked on a lock \\(Lock 0x[0-9a-f]+\\); killed at the run's end$", s));
        // before its end the run had killed nobody
        Assert.All(States(earlier), s => Assert.DoesNotContain("killed", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Before_the_second_requests_the_workers_run_and_have_sent_three_events_each()
    {
        var firstSecondRequest = RecordedRuns.Load("two_lock_deadlock").Where(e => e.Kind == ProcessEventKinds.LockRequested && e.Sequence == 4).Min(e => e.Timestamp);

        var view = Render("two_lock_deadlock", firstSecondRequest - 0.001);

        Assert.Equal(["Process-1: running", "Process-2: running"], States(view).Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(["3", "3"], view.FindAll("[data-testid=lane-events]").Skip(1).Select(c => c.TextContent));
        // the column says which instant, as the cursor's panel does ("At 1,756 ms"), and "Now" without one
        var timeline = new ProcessTimeline();
        timeline.Apply(RecordedRuns.Load("two_lock_deadlock"));
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"At {Math.Round((firstSecondRequest - 0.001 - timeline.Origin) * 1000):N0} ms"), view.FindAll("th")[2].TextContent);
        Assert.Equal("Now", Render("two_lock_deadlock").FindAll("th")[2].TextContent);
        // the last event's instant is now: a replay at its last step says so as a live run does
        Assert.Equal("Now", Render("two_lock_deadlock", timeline.Now).FindAll("th")[2].TextContent);
    }

    [Fact]
    public void The_queue_run_ends_with_both_workers_exited_with_code_zero()
    {
        var view = Render("queue_producer_consumer");

        // this recording is older than the runner's exit status for the main process: it exited, code unknown
        Assert.Equal(["MainProcess: exited", "Process-1: exited with code 0", "Process-2: exited with code 0"], States(view));
    }
}
