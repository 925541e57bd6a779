using Playground.Client.Components.Processes.Locks;
using Playground.Client.Components.Processes.Timeline;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>
/// The lock chart that remembers what it folded draws what a fold of every change draws, while changes
/// stream in the way they do from real processes: each process's in order, batches of one behind another's.
/// </summary>
public sealed class LockChartTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2026)]
    public void Remembered_bars_are_the_bars_of_all_the_changes_as_batches_arrive_late(int seed)
    {
        var random = new Random(seed);
        var track = new LockTrack("Semaphore-1", "Semaphore");
        var chart = new LockChart.Raster();
        var atCursor = new LockChart.Raster();
        var pending = new[] { Changes(random, 1, 3_000), Changes(random, 2, 3_000), Changes(random, 3, 3_000) };
        var next = new int[pending.Length];
        var late = 0;
        while (next.Zip(pending).Any(p => p.First < p.Second.Count))
        {
            // one process's next batch, of up to 60 changes: another's batches may already be ahead of it in time
            var pid = random.Next(pending.Length);
            var take = Math.Min(random.Next(1, 60), pending[pid].Count - next[pid]);
            foreach (var change in pending[pid].Skip(next[pid]).Take(take))
            {
                late += track.Changes.Count > 0 && track.Changes[^1].Timestamp > change.Timestamp ? 1 : 0;
                track.Record(change);
            }

            next[pid] += take;
            var last = track.Changes.Count == 0 ? 0 : track.Changes[^1].Timestamp;
            var end = TimelineViewport.FitLive(0, last).To;
            Assert.Equal(LockChart.Bars(track, 0, end, null, 220), chart.Bars(track, 0, end, null, 220));
            Assert.Equal(LockChart.Bars(track, 0, end, 1.0, 220), atCursor.Bars(track, 0, end, 1.0, 220));
            Assert.Equal(track.Changes.Max(c => c.Holders), track.MostHolders);
        }

        Assert.True(late > 100, $"only {late} changes arrived behind a later one");
        Assert.Equal(9_000, track.Changes.Count);
    }

    [Fact]
    public void A_change_arriving_late_behind_what_was_folded_is_drawn_where_it_belongs()
    {
        var track = new LockTrack("Lock-1", "Lock");
        var chart = new LockChart.Raster();
        track.Record(new LockChange(0.0, 1, "Process-1", true, 0));
        track.Record(new LockChange(0.2, 1, "Process-1", false, 0));
        track.Record(new LockChange(0.6, 1, "Process-1", true, 0));
        track.Record(new LockChange(0.8, 1, "Process-1", false, 0));
        Assert.Equal([(0.0, 20.0), (60.0, 20.0)], chart.Bars(track, 0, 1, null, 100).Select(b => (Math.Round(b.X, 3), Math.Round(b.Width, 3))));

        // Process-2's acquire and release, stamped before the last two, come in after them
        track.Record(new LockChange(0.3, 2, "Process-2", true, 0));
        track.Record(new LockChange(0.4, 2, "Process-2", false, 0));

        var bars = chart.Bars(track, 0, 1, null, 100);
        Assert.Equal([(0.0, 1), (30.0, 2), (60.0, 1)], bars.Select(b => (Math.Round(b.X, 3), b.Pid)));
    }

    /// <summary>A process's acquires and releases, in its own order, at times spread over about a second.</summary>
    [Fact]
    public void On_a_budget_new_bounds_show_the_last_chart_moved_there_until_their_own_is_folded()
    {
        var track = new LockTrack("Lock-1", "Lock");
        foreach (var change in Changes(new Random(3), 1, 2_000))
        {
            track.Record(change);
        }

        var end = track.Changes[^1].Timestamp;
        var chart = new LockChart.Raster();
        var calls = 0;
        IReadOnlyList<LockChartBar> whole;
        do
        {
            whole = chart.Bars(track, 0, end, null, 200, budget: 300);
            calls++;
        }
        while (!chart.Complete);

        Assert.Equal(7, calls);
        Assert.Equal(LockChart.Bars(track, 0, end, null, 200), whole);

        // a live chart's room grown twice: until it is folded again, the last chart at half its width
        var moved = chart.Bars(track, 0, end * 2, null, 200, budget: 300);
        Assert.False(chart.Complete);
        Assert.Equal(whole.Select(b => (Math.Round(b.X / 2, 6), Math.Round(b.Width / 2, 6), b.Pid)), moved.Select(b => (Math.Round(b.X, 6), Math.Round(b.Width, 6), b.Pid)));
        var grown = moved;
        while (!chart.Complete)
        {
            grown = chart.Bars(track, 0, end * 2, null, 200, budget: 300);
        }

        Assert.Equal(LockChart.Bars(track, 0, end * 2, null, 200), grown);
    }

    private static List<LockChange> Changes(Random random, int pid, int count)
    {
        var changes = new List<LockChange>();
        var at = random.NextDouble() * 0.01;
        for (var i = 0; i < count; i++)
        {
            changes.Add(new LockChange(at, pid, $"Process-{pid}", i % 2 == 0, 0));
            at += random.NextDouble() * (random.Next(20) == 0 ? 0.02 : 0.0005);
        }

        return changes;
    }
}
