using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>Step mode with real python3: grants, leaving step mode, and the deadlock detector while processes wait for a person.</summary>
public sealed class StepModeTests(ProcessRunnerFixture fixture) : IClassFixture<ProcessRunnerFixture>
{
    [Fact]
    public async Task A_step_is_granted_once_however_often_the_student_clicks()
    {
        await using var run = await fixture.Runner.StartAsync(
            new ProcessRunRequest("from multiprocessing import Value\nv = Value('i', 0)\nv.value = 1\nv.value = 2\n", StepMode: true), CancellationToken.None);
        var writes = new List<long?>();
        var grants = new List<bool>();
        await foreach (var e in run.Events)
        {
            if (e.Kind == ProcessEventKinds.ValueWrite)
                writes.Add(e.Integer("value"));
            if (e.Kind == ProcessEventKinds.StepWait)
            {
                grants.Add(run.Grant(e.Pid));
                grants.Add(run.Grant(e.Pid));
            }
        }

        Assert.Equal(RunEnding.Finished, (await run.Result).Ending);
        Assert.Equal([1L, 2L], writes);
        Assert.Equal([true, false, true, false], grants);
    }

    [Fact]
    public async Task Two_reads_granted_before_their_writes_then_leaving_step_mode_ends_the_run_with_an_update_lost()
    {
        await using var run = await fixture.Runner.StartAsync(
            new ProcessRunRequest(ProcessRunnerFixture.Scenario("counter_unlocked.py"), StepMode: true), CancellationToken.None);
        var pending = new Dictionary<int, string>();
        var writes = new List<(int Pid, long Value)>();
        var stage = 0;
        string? printed = null;
        await foreach (var e in run.Events)
        {
            if (e.Kind == ProcessEventKinds.ValueWrite)
                writes.Add((e.Pid, e.Integer("value")!.Value));
            if (e.Kind == ProcessEventKinds.Output)
                printed = e.Text("text");
            if (e.Kind != ProcessEventKinds.StepWait || stage == 2)
                continue;
            if (e.Name == "MainProcess")
            {
                run.Grant(e.Pid);
                continue;
            }
            pending[e.Pid] = e.Text("op")!;
            var want = stage == 0 ? "value.read" : "value.write";
            if (pending.Count == 2 && pending.Values.All(op => op == want))
            {
                foreach (var pid in pending.Keys.ToList())
                    Assert.True(run.Grant(pid));
                pending.Clear();
                if (++stage == 2)
                    run.LeaveStepMode(null);
            }
        }

        var result = await run.Result;
        Assert.Equal(RunEnding.Finished, result.Ending);
        // each worker's first write is 1: both read 0 before either wrote
        Assert.Equal([1L, 1L], writes.GroupBy(w => w.Pid).Select(g => g.First().Value));
        Assert.Equal(1000, writes.Count);
        Assert.Matches(@"^Counter: \d+ \(expected 1000\)$", printed);
        Assert.True(int.Parse(printed!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) < 1000);
    }

    [Fact]
    public async Task Processes_waiting_for_a_grant_are_not_deadlocked_and_the_two_lock_cycle_is_found_once_all_are_granted()
    {
        await using var run = await fixture.Runner.StartAsync(
            new ProcessRunRequest(ProcessRunnerFixture.Scenario("two_lock_deadlock.py"), StepMode: true), CancellationToken.None);
        var acquires = new Dictionary<int, int>();
        var mainPid = 0;
        var bothBlocked = false;
        await foreach (var e in run.Events)
        {
            if (e.Name == "MainProcess" && e.Kind == ProcessEventKinds.StepWait)
                mainPid = e.Pid;
            if (e.Kind == ProcessEventKinds.StepWait && e.Text("op") == "lock.acquire")
            {
                acquires[e.Pid] = acquires.GetValueOrDefault(e.Pid) + 1;
                // first locks: both; second locks: both, once both hold their first
                if (acquires.Count == 2 && acquires.Values.All(n => n == acquires.Values.First()))
                    foreach (var pid in acquires.Keys)
                        Assert.True(run.Grant(pid));
            }
            if (e.Kind == ProcessEventKinds.LockRequested && acquires.Values.All(n => n == 2) && !bothBlocked
                && acquires.Count == 2 && e.Pid == acquires.Keys.Last())
            {
                bothBlocked = true;
                // the main process still waits for its grant (its join): nothing is deadlocked yet
                await Task.Delay(TimeSpan.FromSeconds(1.8));
                Assert.False(run.Result.IsCompleted);
                Assert.True(run.Grant(mainPid));
            }
        }

        var result = await run.Result;
        Assert.True(bothBlocked);
        Assert.Equal(RunEnding.Deadlock, result.Ending);
        TwoLockCycle.AssertIn(result.Deadlock);
    }
}
