using Bunit;
using Playground.Client.Components.Processes;
using Playground.Client.Components.Processes.Locks;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>The lock view on its own, fed with a recorded two-lock deadlock and a locked counter.</summary>
public sealed class LocksViewTests : BunitTestBase
{
    private IRenderedComponent<LocksView> Render(string recording)
    {
        var details = RecordedRun.Fold(recording);
        return Context.Render<LocksView>(p => p
            .Add(v => v.History, details.Locks)
            .Add(v => v.IndexOf, details.IndexOf)
            .Add(v => v.Start, details.Start)
            .Add(v => v.End, details.End));
    }

    [Fact]
    public void In_the_two_lock_deadlock_each_lock_is_held_by_one_worker_and_waited_for_by_the_other()
    {
        var rows = Render("two_lock_deadlock").FindAll("[data-testid=lock-row]");

        Assert.Equal(2, rows.Count);
        var holdersAndWaiters = rows
            .Select(r => (r.QuerySelector("[data-testid=lock-holders]")!.TextContent, r.QuerySelector("[data-testid=lock-waiters]")!.TextContent))
            .Order()
            .ToList();
        Assert.Equal([("Process-1", "Process-2"), ("Process-2", "Process-1")], holdersAndWaiters);
        Assert.All(rows, r => Assert.Contains("1×, at most 1 at once", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_locked_counters_rlock_is_free_at_the_end_after_four_hundred_acquisitions_in_both_workers_colours()
    {
        var row = Render("counter_locked").Find("[data-testid=lock-row]");

        Assert.Contains("RLock", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("free", row.QuerySelector("[data-testid=lock-holders]")!.TextContent);
        Assert.Equal("—", row.QuerySelector("[data-testid=lock-waiters]")!.TextContent);
        Assert.Contains("400×, at most 1 at once", row.TextContent, StringComparison.Ordinal);
        var bars = row.QuerySelectorAll("rect");
        Assert.Equal(800, bars.Length);
        // the recording's first event is Process-1's, then MainProcess's, then Process-2's: colours 0 and 2
        Assert.Equal(new HashSet<string?> { LanePalette.Of(0), LanePalette.Of(2) }, bars.Select(b => b.GetAttribute("fill")).ToHashSet());
    }
}
