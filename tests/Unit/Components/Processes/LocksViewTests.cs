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
        // 800 changes drawn as pixel columns of a 220-pixel chart, not one rectangle each
        var bars = row.QuerySelectorAll("rect");
        Assert.InRange(bars.Length, 2, 2 * 220);
        Assert.All(bars, b => Assert.InRange(double.Parse(b.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture), 0, 220));
        // the recording's first event is Process-1's, then MainProcess's, then Process-2's: each is still
        // coloured by its name's number (1 and 2), not by which reported first (Process-1 had MainProcess's 0)
        Assert.Equal(new HashSet<string?> { LanePalette.Of(1), LanePalette.Of(2) }, bars.Select(b => b.GetAttribute("fill")).ToHashSet());
    }

    [Fact]
    public void A_column_is_as_tall_as_the_most_holders_in_it_and_a_free_lock_draws_nothing()
    {
        // a Semaphore(2): Process-1 takes it at 0, Process-2 at 0.001 (two holders for a thousandth of the
        // run), both release by 0.002, then Process-1 holds it from 0.5 to 1
        var track = new LockTrack("Semaphore-1", "Semaphore");
        track.Record(new LockChange(0.0, 1, "Process-1", true, 0));
        track.Record(new LockChange(0.001, 2, "Process-2", true, 0));
        track.Record(new LockChange(0.0015, 1, "Process-1", false, 0));
        track.Record(new LockChange(0.002, 2, "Process-2", false, 0));
        // arrives late: its place is before the last two
        track.Record(new LockChange(0.5, 1, "Process-1", true, 0));
        track.Record(new LockChange(1.0, 1, "Process-1", false, 0));

        var bars = LockChart.Bars(track, 0, 1, null, 100);

        Assert.Equal([(0.0, 2, 2), (50.0, 1, 1)], bars.Select(b => (Math.Round(b.X, 3), b.Holders, b.Pid)));
        Assert.Equal(50.0, bars[1].Width, 3);
        Assert.Equal(2, track.MostHolders);
        Assert.Empty(LockChart.Bars(track, 0, 1, 0.25, 100).Skip(1));
    }
}
