using System.Text.Json;
using Bunit;
using Playground.Client.Components.Processes;
using Playground.Client.Components.Processes.Summary;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>The summary table on its own, fed with a run that ended and one the engine stopped in a deadlock.</summary>
public sealed class RunSummaryTableTests : BunitTestBase
{
    private IRenderedComponent<RunSummaryTable> Render(string recording)
    {
        var details = RecordedRun.Fold(recording);
        return Context.Render<RunSummaryTable>(p => p.Add(v => v.Summary, details.Summary).Add(v => v.IndexOf, details.IndexOf));
    }

    private static Dictionary<string, (string Exit, string Cpu)> Rows(IRenderedComponent<RunSummaryTable> view) =>
        view.FindAll("[data-testid=summary-row]").ToDictionary(
            r => r.QuerySelector("td")!.TextContent,
            r => (r.QuerySelector("[data-testid=summary-exit]")!.TextContent, r.QuerySelector("[data-testid=summary-cpu]")!.TextContent));

    [Fact]
    public void After_a_deadlock_the_workers_were_killed_at_the_run_s_end_as_was_the_main_process()
    {
        var rows = Rows(Render("two_lock_deadlock"));

        Assert.Equal(["MainProcess", "Process-1", "Process-2"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("killed at the run's end", "—"), rows["Process-1"]);
        Assert.Equal(("killed at the run's end", "—"), rows["Process-2"]);
        // the runner killed it with SIGKILL: multiprocessing reports a signal as its negative, and the table names it
        Assert.Equal("-9 (SIGKILL)", rows["MainProcess"].Exit);
    }

    [Fact]
    public void The_main_process_of_the_semaphore_run_shows_the_cpu_time_it_reported()
    {
        var rows = Rows(Render("semaphore_limit"));

        Assert.Equal(6, rows.Count);
        Assert.Equal(("0", "280 ms"), rows["MainProcess"]);
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(0.0, "0.0 ms")]
    [InlineData(0.00042, "0.4 ms")]
    [InlineData(0.0096, "9.6 ms")]
    [InlineData(0.28, "280 ms")]
    [InlineData(12.5, "12,500 ms")]
    public void Times_under_ten_milliseconds_keep_a_tenth(double? seconds, string shown) =>
        Assert.Equal(shown, RunSummaryTable.Milliseconds(seconds));

    [Fact]
    public void Rows_come_in_the_order_of_the_timeline_s_lanes()
    {
        // five workers report over their own connections: their events do not arrive in the order they started
        var events = Timeline.RecordedRuns.Load("five_workers");
        var timeline = new Playground.Client.Components.Processes.Timeline.ProcessTimeline();
        timeline.Apply(events);
        var details = new RunDetails();
        details.Apply(events);

        var view = Context.Render<RunSummaryTable>(p => p.Add(v => v.Summary, details.Summary).Add(v => v.IndexOf, details.IndexOf));
        var names = view.FindAll("[data-testid=summary-row]").Select(r => r.QuerySelector("td")!.TextContent);

        Assert.Equal(timeline.Lanes.Select(l => l.Name), names);
    }

    [Fact]
    public void A_process_lived_from_its_start_up_not_from_its_first_event()
    {
        // a spawned worker reports 40 ms of start-up (from start() in its parent) in its first event, then
        // runs 2 ms: it lived 42 ms, as its timeline lane shows, not 2 ms beside 40 ms of CPU time
        var summary = new ProcessSummary();
        summary.Apply(Event(ProcessEventKinds.ProcessRun, 10.0, ("startup_ms", "40")));
        summary.Apply(Event(ProcessEventKinds.ProcessExit, 10.002, ("exitcode", "0"), ("cpu_s", "0.041")));

        var row = Assert.Single(summary.Rows);
        Assert.Equal(0.042, row.Duration!.Value, 6);
        Assert.Equal(0.041, row.CpuSeconds!.Value, 6);
    }

    private static ProcessEvent Event(string kind, double ts, params (string Key, string Json)[] data) =>
        new(kind, 7, "Process-1", ts, 1, data.ToDictionary(d => d.Key, d => JsonDocument.Parse(d.Json).RootElement.Clone()));
}
