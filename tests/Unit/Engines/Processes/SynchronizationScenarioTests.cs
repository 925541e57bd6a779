using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;
using Xunit.Abstractions;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>
/// The Semaphore, Event, Condition and Barrier scenarios run by real python3 through the sandbox: one run
/// each, checked by what their events say happened in time (each event's <c>ts</c> is time.monotonic(),
/// one clock for every process of the machine).
/// </summary>
public sealed class SynchronizationScenarioTests(ProcessRunnerFixture fixture, ITestOutputHelper output) : IClassFixture<ProcessRunnerFixture>
{
    private async Task<List<ProcessEvent>> RunToTheEnd(string scenario)
    {
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(ProcessRunnerFixture.Scenario(scenario)));
        output.WriteLine(result.Summary);
        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Equal(0, result.ExitCode);
        Assert.All(events.Where(e => e.Kind == ProcessEventKinds.ProcessExit), e => Assert.Equal(0, e.Integer("exitcode")));
        return events.OrderBy(e => e.Timestamp).ToList();
    }

    private static List<string?> Printed(List<ProcessEvent> events) =>
        events.Where(e => e.Kind == ProcessEventKinds.Output).Select(e => e.Text("text")).Order(StringComparer.Ordinal).ToList();

    /// <summary>The largest number of processes holding <paramref name="lockName"/> at once, and how many acquisitions there were.</summary>
    private static (int Most, int Acquisitions) Holders(List<ProcessEvent> events, string lockName)
    {
        var holding = new HashSet<int>();
        int most = 0, acquisitions = 0;
        foreach (var e in events.Where(e => e.Text("lock") == lockName))
        {
            if (e.Kind == ProcessEventKinds.LockAcquired)
            {
                Assert.True(holding.Add(e.Pid), $"pid {e.Pid} acquired {lockName} twice");
                acquisitions++;
                most = Math.Max(most, holding.Count);
            }
            else if (e.Kind == ProcessEventKinds.LockReleased)
            {
                Assert.True(holding.Remove(e.Pid), $"pid {e.Pid} released {lockName} it did not hold");
            }
        }
        return (most, acquisitions);
    }

    [Fact]
    public async Task The_semaphore_of_two_is_held_by_two_workers_at_most_and_every_worker_gets_in()
    {
        var events = await RunToTheEnd("semaphore_limit.py");

        var semaphore = Assert.Single(events.Where(e => e.Kind == ProcessEventKinds.LockRequested).Select(e => e.Text("lock")).Distinct());
        Assert.StartsWith("Semaphore-", semaphore, StringComparison.Ordinal);
        Assert.Equal((2, 5), Holders(events, semaphore!));
        Assert.Equal(Enumerable.Range(0, 5).Select(n => (string?)$"Worker {n} in").ToList(), Printed(events));
    }

    [Fact]
    public async Task No_runner_passes_the_start_signal_before_the_parent_sets_it()
    {
        var events = await RunToTheEnd("event_start_signal.py");

        var set = Assert.Single(events, e => e.Kind == ProcessEventKinds.EventSet);
        Assert.Equal("MainProcess", set.Name);
        var passed = events.Where(e => e.Kind == ProcessEventKinds.EventWaitDone).ToList();
        Assert.Equal(3, passed.Select(e => e.Pid).Distinct().Count());
        Assert.All(passed, e => Assert.True(e.Timestamp > set.Timestamp, $"{e.Name} passed wait() before set()"));
        Assert.All(passed, e => Assert.Equal("true", e.Text("flag")));
        Assert.All(passed, e => Assert.Equal(set.Text("event"), e.Text("event")));
        Assert.Equal(["Runner 0 off", "Runner 1 off", "Runner 2 off"], Printed(events));
    }

    [Fact]
    public async Task The_consumer_wakes_after_the_producers_notify_and_the_condition_lock_has_one_holder_at_a_time()
    {
        var events = await RunToTheEnd("condition_producer_consumer.py");

        var notify = Assert.Single(events, e => e.Kind == ProcessEventKinds.ConditionNotify);
        Assert.Equal("Process-2", notify.Name);
        var write = Assert.Single(events, e => e.Kind == ProcessEventKinds.ValueWrite);
        Assert.True(write.Timestamp < notify.Timestamp);
        // the consumer may start after the producer's 0.2 s and find the value set without waiting
        foreach (var woken in events.Where(e => e.Kind == ProcessEventKinds.ConditionWaitDone))
        {
            Assert.Equal("Process-1", woken.Name);
            Assert.True(woken.Timestamp > notify.Timestamp);
        }
        // the condition by the script's name for it, its lock by the same name
        Assert.Equal("Condition-cond", notify.Text("condition"));
        Assert.Equal("RLock-cond", notify.Text("lock"));
        var (most, acquisitions) = Holders(events, "RLock-cond");
        Assert.Equal(1, most);
        Assert.True(acquisitions >= 2);
        Assert.Contains(events, e => e is { Kind: ProcessEventKinds.ValueRead, Name: "Process-1" } && e.Integer("value") == 1);
        Assert.Equal(["Consumer: ready"], Printed(events));
    }

    [Fact]
    public async Task No_worker_passes_the_barrier_before_the_last_one_arrives()
    {
        var events = await RunToTheEnd("barrier.py");

        var arrived = events.Where(e => e.Kind == ProcessEventKinds.BarrierWaitBegun).ToList();
        var passed = events.Where(e => e.Kind == ProcessEventKinds.BarrierWaitDone).ToList();
        Assert.Equal(3, arrived.Select(e => e.Pid).Distinct().Count());
        Assert.All(arrived, e => Assert.Equal(3, e.Integer("parties")));
        Assert.All(passed, e => Assert.True(e.Timestamp > arrived.Max(a => a.Timestamp), $"{e.Name} passed before the last arrival"));
        Assert.Equal([0L, 1L, 2L], passed.Select(e => e.Integer("index")!.Value).Order());
        Assert.Equal(["Worker 0 passed", "Worker 1 passed", "Worker 2 passed"], Printed(events));
    }
}
