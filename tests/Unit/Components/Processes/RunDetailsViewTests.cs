using Bunit;
using Playground.Client.Components.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>The views a student sees below the timeline, rendered from recorded runs.</summary>
public sealed class RunDetailsViewTests : BunitTestBase
{
    private IRenderedComponent<RunDetailsView> Render(string recording, bool finished = true) =>
        Context.Render<RunDetailsView>(p => p.Add(v => v.Details, RecordedRun.Fold(recording)).Add(v => v.Finished, finished));

    [Fact]
    public void The_lock_view_shows_the_semaphore_free_with_five_acquisitions_and_two_at_most()
    {
        var view = Render("semaphore_limit");

        var row = view.Find("[data-testid=lock-row]");
        Assert.Contains("Semaphore", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("free", view.Find("[data-testid=lock-holders]").TextContent);
        Assert.Contains("5×, at most 2 at once", row.TextContent, StringComparison.Ordinal);
        // the chart's stretches of one holder are half as tall as those of two; a free semaphore draws nothing
        var heights = row.QuerySelectorAll("rect").Select(r => r.GetAttribute("height")).ToHashSet();
        Assert.Equal(new HashSet<string?> { "14", "28" }, heights);
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
    public void Three_hundred_imap_tasks_are_drawn_as_the_forty_started_last_by_the_instant_shown()
    {
        // Pool(3).imap(square, range(300)): one item a task, 300 tasks
        var details = RecordedRun.Fold("pool_imap_300");
        var tasks = details.Pool.Tasks;
        Assert.Equal(300, tasks.Count);

        var end = Context.Render<RunDetailsView>(p => p.Add(v => v.Details, details).Add(v => v.Finished, true));
        Assert.Equal(Enumerable.Range(260, 40).Select(i => $"task {i}"), end.FindAll("[data-testid=pool-view] thead th").Skip(1).Select(h => h.TextContent));
        Assert.Equal(Enumerable.Range(260, 40).Select(i => $"{i * i}"), end.FindAll("[data-testid=pool-cell]").Select(c => c.TextContent.Trim()).OrderBy(int.Parse).Select(v => v));
        Assert.Contains("300 tasks", end.Find("[data-testid=pool-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("task 260 to task 299, the last 40 started by then", end.Find("[data-testid=pool-window]").TextContent, StringComparison.Ordinal);

        // at the instant task 100 started, the grid ends with the last task started by then
        var at = tasks.Single(t => t.Index == 100).Started!.Value;
        var last = tasks.Where(t => t.StartedBy(at)).Max(t => t.Index);
        var middle = Context.Render<RunDetailsView>(p => p.Add(v => v.Details, details).Add(v => v.Finished, true).Add(v => v.Time, at));
        Assert.Equal($"task {last}", middle.FindAll("[data-testid=pool-view] thead th")[^1].TextContent);
        Assert.Equal(41, middle.FindAll("[data-testid=pool-view] thead th").Count);
    }

    [Fact]
    public void The_pool_view_puts_each_chunk_in_its_workers_row_with_its_results()
    {
        var view = Render("pool_map_chunksize");

        Assert.Equal(3, view.FindAll("[data-testid=pool-worker]").Count);
        Assert.Equal(["[0,1,4,9]", "[16,25,36,49]", "[64,81,100,121]"],
            view.FindAll("[data-testid=pool-cell]").Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Contains("3 tasks of chunksize 4, 3 finished, on 3 workers.", view.Find("[data-testid=pool-summary]").TextContent, StringComparison.Ordinal);
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
}
