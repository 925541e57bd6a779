using Bunit;
using Playground.Client.Components.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>The views a student sees beside the lanes, rendered from recorded runs.</summary>
public sealed class RunDetailsViewTests : BunitTestBase
{
    private IRenderedComponent<RunDetailsView> Render(string recording, bool stepMode = false, bool running = false, bool finished = true,
        Action<int>? grant = null)
    {
        var details = RecordedRun.Fold(recording);
        return Context.Render<RunDetailsView>(p => p
            .Add(v => v.Details, details)
            .Add(v => v.StepMode, stepMode)
            .Add(v => v.Running, running)
            .Add(v => v.Finished, finished)
            .Add(v => v.OnGrant, pid => grant?.Invoke(pid)));
    }

    [Fact]
    public void The_lock_view_shows_the_semaphore_free_with_five_acquisitions_and_two_at_most()
    {
        var view = Render("semaphore_limit");

        var row = view.Find("[data-testid=lock-row]");
        Assert.Contains("Semaphore", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("free", view.Find("[data-testid=lock-holders]").TextContent);
        Assert.Contains("5×, at most 2 at once", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, row.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public void The_shared_value_chart_draws_a_dot_per_write_in_each_writers_colour_and_the_final_value()
    {
        var view = Render("counter_locked");

        var counterRow = view.FindAll("[data-testid=shared-value-row]").Single(r => r.TextContent.Contains("Value-", StringComparison.Ordinal));
        Assert.Equal("400", counterRow.QuerySelector("[data-testid=shared-value-final]")!.TextContent);
        var dots = counterRow.QuerySelectorAll("[data-testid=write-dot]");
        Assert.Equal(400, dots.Length);
        Assert.Equal(2, dots.Select(d => d.GetAttribute("fill")).Distinct().Count());
    }

    [Fact]
    public void The_pool_view_puts_each_chunk_in_its_workers_row_with_its_results()
    {
        var view = Render("pool_map_chunksize");

        Assert.Equal(3, view.FindAll("[data-testid=pool-worker]").Count);
        Assert.Equal(["[0,1,4,9]", "[16,25,36,49]", "[64,81,100,121]"],
            view.FindAll("[data-testid=pool-cell]").Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Contains("3 task(s) of chunksize 4, 3 finished, on 3 worker(s).", view.Find("[data-testid=pool-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_table_lists_exit_codes_and_cpu_times_once_the_run_has_ended()
    {
        Assert.Empty(Render("counter_unlocked", finished: false).FindAll("[data-testid=summary-row]"));

        var rows = Render("counter_unlocked").FindAll("[data-testid=summary-row]");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("0", r.QuerySelector("[data-testid=summary-exit]")!.TextContent));
        Assert.All(rows, r => Assert.EndsWith(" ms", r.QuerySelector("[data-testid=summary-cpu]")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void In_step_mode_each_waiting_process_has_its_next_operation_and_a_next_button_that_grants_it()
    {
        var granted = new List<int>();
        var view = Render("counter_unlocked_step_waits", stepMode: true, running: true, finished: false, grant: granted.Add);

        var lanes = view.FindAll("[data-testid=step-lane]");
        Assert.Equal(3, lanes.Count);
        Assert.Equal(["MainProcess", "Process-1", "Process-2"], lanes.Select(l => l.QuerySelector(".step-name")!.TextContent));
        var worker = lanes.Single(l => l.QuerySelector(".step-name")!.TextContent == "Process-1");
        Assert.Equal("value.read Value-0x7f37a69ba000", worker.QuerySelector("[data-testid=step-next]")!.TextContent);
        worker.QuerySelector("button")!.Click();
        Assert.Equal([3], granted);
    }

    [Fact]
    public void The_step_counter_shows_the_lost_updates_of_the_unlocked_counter()
    {
        var view = Render("counter_unlocked", stepMode: true);

        Assert.Equal("509", view.Find("[data-testid=counter-actual]").TextContent);
        Assert.Equal("1000", view.Find("[data-testid=counter-expected]").TextContent);
        Assert.Contains("491 update(s) lost", view.Find("[data-testid=lost-update]").TextContent, StringComparison.Ordinal);
    }
}
