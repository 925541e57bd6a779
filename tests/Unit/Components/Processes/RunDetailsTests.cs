using Playground.Client.Components.Processes;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>The folds behind the lock, shared-value, pool, step and summary views, fed with recorded runs.</summary>
public sealed class RunDetailsTests
{
    private static RunDetails Fold(string recording) => RecordedRun.Fold(recording);

    [Fact]
    public void The_unlocked_counter_ends_below_its_thousand_intended_increments()
    {
        var counter = Fold("counter_unlocked").Values.Counter!;

        Assert.Equal(1000, counter.Writes.Count);
        Assert.Equal(1000, counter.Expected);
        // the run printed "Counter: 509 (expected 1000)"
        Assert.Equal(509, counter.Actual);
        Assert.Equal(2, counter.Writes.Select(w => w.Pid).Distinct().Count());
    }

    [Fact]
    public void The_locked_counter_reaches_its_expected_value_and_its_lock_was_never_held_twice()
    {
        var details = Fold("counter_locked");

        Assert.Equal(400, details.Values.Counter!.Actual);
        Assert.Equal(400, details.Values.Counter.Expected);
        var lockTrack = Assert.Single(details.Locks.Locks);
        Assert.Equal(400, lockTrack.Acquisitions);
        Assert.Equal(1, lockTrack.MostHolders);
        Assert.Empty(lockTrack.Holders);
    }

    [Fact]
    public void One_processs_events_arriving_all_after_the_others_fold_into_the_same_history()
    {
        // each process writes down its own pipe: here every event of one worker arrives after all of the other's
        var events = RecordedRun.Load("counter_locked");
        var pids = events.Select(e => e.Pid).Distinct().ToList();
        var late = pids[^1];
        var inOrder = new RunDetails();
        inOrder.Apply(events);
        var reordered = new RunDetails();
        reordered.Apply([.. events.Where(e => e.Pid != late), .. events.Where(e => e.Pid == late)]);

        var expected = Assert.Single(inOrder.Locks.Locks);
        var actual = Assert.Single(reordered.Locks.Locks);
        Assert.Equal(expected.Changes.Select(c => (c.Timestamp, c.Pid, c.Acquired, c.Holders)), actual.Changes.Select(c => (c.Timestamp, c.Pid, c.Acquired, c.Holders)));
        Assert.Equal(1, actual.MostHolders);
        Assert.Equal(inOrder.Values.Counter!.Writes.Select(w => (w.Timestamp, w.Value)), reordered.Values.Counter!.Writes.Select(w => (w.Timestamp, w.Value)));
        var middle = expected.Changes[expected.Changes.Count / 2].Timestamp;
        Assert.Equal(expected.HoldersAt(middle), actual.HoldersAt(middle));
        Assert.Equal(expected.WaitersAt(middle), actual.WaitersAt(middle));
    }

    [Fact]
    public void A_semaphore_of_two_has_at_most_two_holders_and_ends_free()
    {
        var semaphore = Assert.Single(Fold("semaphore_limit").Locks.Locks);

        Assert.Equal("Semaphore", semaphore.Type);
        Assert.Equal(5, semaphore.Acquisitions);
        Assert.Equal(2, semaphore.MostHolders);
        Assert.Empty(semaphore.Holders);
        Assert.Empty(semaphore.Waiters);
    }

    [Fact]
    public void Pool_map_with_chunksize_four_runs_three_tasks_and_gathers_the_squares()
    {
        var pool = Fold("pool_map_chunksize").Pool;

        Assert.Equal(4, pool.Chunksize);
        var tasks = pool.Tasks.ToList();
        Assert.Equal([0L, 1L, 2L], tasks.Select(t => t.Index));
        Assert.All(tasks, t => Assert.True(t.Succeeded));
        Assert.Equal(["[0,1,4,9]", "[16,25,36,49]", "[64,81,100,121]"], tasks.Select(t => t.Result));
        Assert.All(tasks, t => Assert.StartsWith("ForkPoolWorker-", t.WorkerName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_has_every_process_with_its_exit_code_and_cpu_time()
    {
        var rows = Fold("counter_unlocked").Summary.Rows.ToDictionary(r => r.Name);

        Assert.Equal(["MainProcess", "Process-1", "Process-2"], rows.Keys.Order());
        Assert.All(rows.Values, r => Assert.Equal(0, r.ExitCode));
        Assert.All(rows.Values, r => Assert.InRange(r.CpuSeconds!.Value, 0.001, 5));
        Assert.All(rows.Values, r => Assert.InRange(r.Duration!.Value, 0.001, 10));
    }

    [Fact]
    public void Each_waiting_process_shows_its_next_operation_and_a_grant_cannot_be_sent_twice()
    {
        var details = Fold("counter_unlocked_step_waits");

        Assert.Equal(["MainProcess: process.join Process-1", "Process-1: value.read Value-0x7f37a69ba000", "Process-2: value.read Value-0x7f37a69ba000"],
            details.Steps.Pending.Values.Select(s => $"{s.Name}: {s.Describe()}").Order());
        var worker = details.Steps.Pending.Values.Single(s => s.Name == "Process-1").Pid;
        Assert.True(details.Steps.CanGrant(worker));
        details.Steps.MarkGranted(worker);
        Assert.False(details.Steps.CanGrant(worker));
    }
}
