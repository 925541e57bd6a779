using Bunit;
using Playground.Client.Components.Processes;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>
/// The views below the timeline at an instant of a recorded run, as replay and the cursor show them:
/// the same fold of the run's events, read at that instant instead of at the end.
/// </summary>
public sealed class ReplayedDetailsTests : BunitTestBase
{
    private IRenderedComponent<RunDetailsView> RenderAt(string recording, double time) =>
        Context.Render<RunDetailsView>(p => p.Add(v => v.Details, RecordedRun.Fold(recording)).Add(v => v.Finished, true).Add(v => v.Time, time));

    private static double TimeOf(string recording, Func<ProcessEvent, bool> which) => RecordedRun.Load(recording).Where(which).Min(e => e.Timestamp);

    private static List<(string Holders, string Waiters)> Locks(IRenderedComponent<RunDetailsView> view) =>
        [.. view.FindAll("[data-testid=lock-row]")
            .Select(r => (r.QuerySelector("[data-testid=lock-holders]")!.TextContent, r.QuerySelector("[data-testid=lock-waiters]")!.TextContent))
            .Order()];

    [Fact]
    public void Before_the_second_requests_each_worker_holds_its_first_lock_and_nobody_waits()
    {
        var firstSecondRequest = TimeOf("two_lock_deadlock", e => e.Kind == ProcessEventKinds.LockRequested && e.Sequence == 4);

        var view = RenderAt("two_lock_deadlock", firstSecondRequest - 0.001);

        Assert.Equal([("Process-1", "—"), ("Process-2", "—")], Locks(view));
        Assert.All(view.FindAll("[data-testid=lock-acquisitions]"), a => Assert.StartsWith("1×", a.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Between_the_two_second_requests_only_the_first_to_ask_waits()
    {
        var requests = RecordedRun.Load("two_lock_deadlock").Where(e => e.Kind == ProcessEventKinds.LockRequested && e.Sequence == 4).OrderBy(e => e.Timestamp).ToList();

        var view = RenderAt("two_lock_deadlock", (requests[0].Timestamp + requests[1].Timestamp) / 2);

        var waiting = Assert.Single(Locks(view), l => l.Waiters != "—");
        Assert.Equal(requests[0].Name, waiting.Waiters);
        Assert.NotEqual(requests[0].Name, waiting.Holders);
    }

    [Fact]
    public void Before_any_acquire_every_lock_is_free_with_no_acquisitions_and_no_bars()
    {
        var view = RenderAt("two_lock_deadlock", TimeOf("two_lock_deadlock", e => e.Kind == ProcessEventKinds.LockAcquired) - 0.0001);

        Assert.All(Locks(view), l => Assert.Equal("free", l.Holders));
        Assert.All(view.FindAll("[data-testid=lock-acquisitions]"), a => Assert.StartsWith("0×", a.TextContent, StringComparison.Ordinal));
        Assert.Empty(view.FindAll("[data-testid=lock-row] rect"));
    }

    [Fact]
    public void Halfway_through_the_writes_the_counter_shows_the_value_and_writes_of_that_instant()
    {
        var writes = RecordedRun.Load("counter_locked").Where(e => e.Kind == ProcessEventKinds.ValueWrite).OrderBy(e => e.Timestamp).ToList();
        var hundredth = writes[99];

        var view = RenderAt("counter_locked", hundredth.Timestamp);

        var counter = view.FindAll("[data-testid=shared-value-row]").Single(r => r.TextContent.Contains(hundredth.Text("target")!, StringComparison.Ordinal));
        Assert.Equal(hundredth.Text("value"), counter.QuerySelector("[data-testid=shared-value-final]")!.TextContent);
        Assert.Equal("100", counter.QuerySelector("[data-testid=shared-value-writes]")!.TextContent);
        Assert.Equal(100, counter.QuerySelectorAll("[data-testid=write-dot]").Length);
    }

    [Fact]
    public void When_the_first_chunk_has_finished_the_pool_shows_one_result_and_the_other_chunks_running_or_not_started()
    {
        var events = RecordedRun.Load("pool_map_chunksize");
        var firstFinished = events.Where(e => e.Kind == ProcessEventKinds.PoolTaskFinished).MinBy(e => e.Timestamp)!;
        var startedBy = events.Count(e => e.Kind == ProcessEventKinds.PoolTaskStarted && e.Timestamp <= firstFinished.Timestamp);

        var view = RenderAt("pool_map_chunksize", firstFinished.Timestamp);

        var cells = view.FindAll("[data-testid=pool-cell]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(startedBy, cells.Count);
        Assert.Single(cells, c => c != "running");
        Assert.Contains("3 tasks of chunksize 4, 1 finished", view.Find("[data-testid=pool-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_any_process_exits_the_summary_says_every_process_is_still_running()
    {
        var view = RenderAt("counter_locked", TimeOf("counter_locked", e => e.Kind == ProcessEventKinds.ProcessExit) - 0.0001);

        var exits = view.FindAll("[data-testid=summary-exit]").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(exits);
        Assert.All(exits, e => Assert.Equal("running", e));
    }
}
