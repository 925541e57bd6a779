using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;
using Xunit.Abstractions;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>Real python3 runs of the built-in scenarios, through the sandbox, checked by the shape of their events.</summary>
public sealed class ProcessRunnerTests(ProcessRunnerFixture fixture, ITestOutputHelper output) : IClassFixture<ProcessRunnerFixture>
{
    private async Task<(List<ProcessEvent> Events, RunResult Result)> Run(string scenario, string? startMethod = null)
    {
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(ProcessRunnerFixture.Scenario(scenario), StartMethod: startMethod));
        output.WriteLine(result.Summary);
        return (events, result);
    }

    [Theory]
    [InlineData("fork")]
    [InlineData("spawn")]
    [InlineData("forkserver")]
    public async Task Five_workers_start_print_their_number_and_exit_0_with_every_start_method(string method)
    {
        var (events, result) = await Run("five_workers.py", method);

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Equal(0, result.ExitCode);
        var workers = events.Where(e => e.Kind == ProcessEventKinds.ProcessRun && e.Name.StartsWith("Process-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, workers.Count);
        Assert.All(workers, w => Assert.Equal(method, w.Text("start_method")));
        var exits = events.Where(e => e.Kind == ProcessEventKinds.ProcessExit && e.Name.StartsWith("Process-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, exits.Count);
        Assert.All(exits, e => Assert.Equal(0, e.Integer("exitcode")));
        var lines = events.Where(e => e.Kind == ProcessEventKinds.Output).Select(e => (e.Name, e.Text("text"))).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => ($"Process-{i + 1}", (string?)$"Worker: {i}")).ToList(), lines);
        // the lanes stand in the order the parent started the children, however they came to report
        var reported = events.OrderBy(e => e.Name == "MainProcess").ThenByDescending(e => e.Name).ToList();
        var timeline = new Playground.Client.Components.Processes.Timeline.ProcessTimeline();
        timeline.Apply(reported);
        Assert.Equal(["MainProcess", "Process-1", "Process-2", "Process-3", "Process-4", "Process-5"], timeline.Lanes.Select(l => l.Name));
        // and the summary table lists them so
        var summary = new Playground.Client.Components.Processes.Summary.ProcessSummary();
        reported.ForEach(summary.Apply);
        Assert.Equal(timeline.Lanes.Select(l => l.Name), summary.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Every_queue_put_has_its_get_with_the_same_value()
    {
        var (events, result) = await Run("queue_producer_consumer.py");

        Assert.Equal(RunEnding.Finished, result.Ending);
        var puts = events.Where(e => e.Kind == ProcessEventKinds.QueuePut).Select(e => e.Text("value")).ToList();
        var gets = events.Where(e => e.Kind == ProcessEventKinds.QueueGet).Select(e => e.Text("value")).ToList();
        Assert.Equal(11, puts.Count);
        Assert.Equal(puts, gets);
        Assert.All(events.Where(e => e.Kind == ProcessEventKinds.QueuePut), e => Assert.True(e.Integer("bytes") > 0));
    }

    [Fact]
    public async Task A_process_in_time_sleep_reads_as_sleeping_then_running_again()
    {
        const string source = """
            import time
            from multiprocessing import Process

            def nap():
                time.sleep(0.3)
                print("awake")

            if __name__ == "__main__":
                p = Process(target=nap)
                p.start()
                p.join()
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));

        Assert.Equal(RunEnding.Finished, result.Ending);
        var timeline = new Playground.Client.Components.Processes.Timeline.ProcessTimeline();
        timeline.Apply(events);
        var lane = timeline.Lanes.Single(l => l.Name == "Process-1");
        var begun = Assert.Single(events, e => e.Kind == ProcessEventKinds.SleepBegun);
        var done = Assert.Single(events, e => e.Kind == ProcessEventKinds.SleepDone);
        Assert.InRange(done.Timestamp - begun.Timestamp, 0.29, 5);
        Assert.Equal("sleeping in time.sleep (0.3 s)", lane.StateAt(begun.Timestamp + 0.1));
        Assert.Equal("running", lane.StateAt(done.Timestamp + 1e-6));
        // the sleep is no wait on another process: the run is not taken for stuck
        Assert.Null(result.Deadlock);
    }

    [Fact]
    public async Task A_thread_that_sleeps_before_it_puts_keeps_the_run_from_reading_as_deadlocked_and_off_the_lane()
    {
        const string source = """
            import threading
            import time
            import multiprocessing as mp

            def helper(q):
                time.sleep(1.5)
                q.put("late")

            if __name__ == "__main__":
                q = mp.Queue()
                threading.Thread(target=helper, args=(q,)).start()
                print(q.get())
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "late");
        var begun = Assert.Single(events, e => e.Kind == ProcessEventKinds.SleepBegun);
        Assert.NotNull(begun.Text("thread"));
        // the main thread waits on the queue all along: the lane says so, not "sleeping"
        var timeline = new Playground.Client.Components.Processes.Timeline.ProcessTimeline();
        timeline.Apply(events);
        Assert.StartsWith("blocked on a queue", timeline.Lanes.Single().StateAt(begun.Timestamp + 0.5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_on_an_unbounded_queue_never_reads_as_blocked_and_one_on_a_full_queue_does()
    {
        const string source = """
            import time
            from multiprocessing import Process, Queue

            def drain(q):
                time.sleep(0.5)
                q.get()

            if __name__ == "__main__":
                free, full = Queue(), Queue(maxsize=1)
                free.put("a")
                full.put("b")
                p = Process(target=drain, args=(full,))
                p.start()
                full.put("c")
                p.join()
                print(free.get(), full.get())
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));

        Assert.Equal(RunEnding.Finished, result.Ending);
        var main = events.Where(e => e.Name == "MainProcess").ToList();
        var timeline = new Playground.Client.Components.Processes.Timeline.ProcessTimeline();
        timeline.Apply(events);
        var lane = timeline.Lanes.Single(l => l.Name == "MainProcess");
        var begun = main.Where(e => e.Kind == ProcessEventKinds.QueuePutBegun).ToList();
        Assert.Equal(["false", "true", "true"], begun.Select(e => e.Text("bounded")));
        // the first put starts the feeder thread: it takes a while, and is running all along
        Assert.Equal("running", lane.StateAt(begun[0].Timestamp + 1e-6));
        // the third waits about half a second for the child to make room
        Assert.StartsWith("blocked on a queue", lane.StateAt(begun[2].Timestamp + 1e-6), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fork")]
    [InlineData("spawn")]
    public async Task Each_get_names_the_put_it_received_by_message_id_and_the_script_sees_its_own_values(string method)
    {
        const string source = """
            from multiprocessing import Process, Queue

            def producer(q, base):
                for i in range(20):
                    q.put(base + i)

            if __name__ == "__main__":
                q = Queue()
                ps = [Process(target=producer, args=(q, b)) for b in (0, 100)]
                for p in ps:
                    p.start()
                got = sorted(q.get() for _ in range(40))
                for p in ps:
                    p.join()
                print(got == sorted(list(range(20)) + list(range(100, 120))), type(got[0]).__name__)
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source, StartMethod: method));

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "True int");
        var puts = events.Where(e => e.Kind == ProcessEventKinds.QueuePut).ToDictionary(e => e.Text("msg")!);
        var gets = events.Where(e => e.Kind == ProcessEventKinds.QueueGet).ToList();
        Assert.Equal(40, puts.Count);
        Assert.Equal(40, gets.Count);
        Assert.Equal(puts.Keys.Order(), gets.Select(g => g.Text("msg")!).Order());
        Assert.All(gets, g => Assert.Equal(puts[g.Text("msg")!].Text("repr"), g.Text("repr")));
        Assert.All(puts.Values, p => Assert.StartsWith($"{p.Pid}.", p.Text("msg"), StringComparison.Ordinal));
        Assert.Equal(2, puts.Values.Select(p => p.Pid).Distinct().Count());
    }

    [Fact]
    public async Task Pipe_messages_carry_an_id_from_send_to_recv_and_a_short_repr_of_the_value()
    {
        const string source = """
            from multiprocessing import Pipe, Process

            def echo(conn):
                conn.send(conn.recv() * 2)

            if __name__ == "__main__":
                here, there = Pipe()
                p = Process(target=echo, args=(there,))
                p.start()
                here.send("x" * 100)
                print(len(here.recv()))
                p.join()
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source, StartMethod: "spawn"));

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "200");
        var sends = events.Where(e => e.Kind == ProcessEventKinds.PipeSend).OrderBy(e => e.Timestamp).ToList();
        var recvs = events.Where(e => e.Kind == ProcessEventKinds.PipeRecv).ToDictionary(e => e.Text("msg")!);
        Assert.Equal(2, sends.Count);
        Assert.All(sends, s => Assert.NotEqual(s.Pid, recvs[s.Text("msg")!].Pid));
        Assert.All(sends, s => Assert.True(recvs[s.Text("msg")!].Timestamp > s.Timestamp));
        Assert.Equal("'" + new string('x', 58) + "…", sends[0].Text("repr"));
        Assert.Equal(60, sends[1].Text("repr")!.Length);
    }

    [Fact]
    public async Task The_lock_of_a_locked_counter_is_never_held_by_two_processes_and_no_update_is_lost()
    {
        var (events, result) = await Run("counter_locked.py");

        Assert.Equal(RunEnding.Finished, result.Ending);
        var holders = new Dictionary<string, int>();
        var acquisitions = 0;
        foreach (var e in events.OrderBy(e => e.Timestamp))
        {
            if (e.Kind == ProcessEventKinds.LockAcquired)
            {
                Assert.False(holders.ContainsKey(e.Text("lock")!), $"{e.Text("lock")} acquired by {e.Pid} while held by another");
                holders[e.Text("lock")!] = e.Pid;
                acquisitions++;
            }
            else if (e.Kind == ProcessEventKinds.LockReleased)
            {
                Assert.Equal(e.Pid, holders[e.Text("lock")!]);
                holders.Remove(e.Text("lock")!);
            }
        }
        Assert.Equal(400, acquisitions);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "Counter: 400, hits: [200, 200]");
    }

    [Fact]
    public async Task The_two_lock_deadlock_is_detected_with_each_worker_waiting_for_the_lock_the_other_holds()
    {
        // each worker sleeps holding its first lock so the other can take its own; on two busy cores the
        // scenario's half second may pass before the second worker runs at all, so give it two
        var source = ProcessRunnerFixture.Scenario("two_lock_deadlock.py").Replace("time.sleep(0.5)", "time.sleep(2)", StringComparison.Ordinal);
        Assert.Contains("time.sleep(2)", source, StringComparison.Ordinal);
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));
        output.WriteLine(result.Summary);

        Assert.Equal(RunEnding.Deadlock, result.Ending);
        TwoLockCycle.AssertIn(result.Deadlock);
        var main = Assert.Single(result.Deadlock!.Edges, e => e.WaiterName == "MainProcess");
        Assert.Equal(ProcessEventKinds.ProcessJoinBegun, main.WaitKind);
        Assert.Contains("deadlock", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Kind == ProcessEventKinds.Output);
    }

    [Fact]
    public async Task Step_mode_granting_both_reads_before_any_write_loses_an_update_every_time()
    {
        var source = ProcessRunnerFixture.Scenario("counter_unlocked.py").Replace("else 500", "else 1", StringComparison.Ordinal);
        await using var run = await fixture.Runner.StartAsync(new ProcessRunRequest(source, StepMode: true), CancellationToken.None);
        var pending = new Dictionary<int, string>();
        var output = new List<string>();
        var readsGranted = false;
        var writesGranted = false;
        await foreach (var e in run.Events)
        {
            if (e.Kind == ProcessEventKinds.Output)
                output.Add(e.Text("text")!);
            if (e.Kind != ProcessEventKinds.StepWait)
                continue;
            if (e.Name == "MainProcess")
            {
                // the parent's own steps (its joins, its final read) never interleave with the workers' reads
                Assert.True(run.Grant(e.Pid));
                continue;
            }
            pending[e.Pid] = e.Text("op")!;
            if (!readsGranted && pending.Count == 2 && pending.Values.All(op => op == "value.read"))
            {
                readsGranted = true;
                foreach (var pid in pending.Keys.ToList())
                {
                    pending.Remove(pid);
                    Assert.True(run.Grant(pid));
                }
            }
            else if (readsGranted && !writesGranted && pending.Count == 2 && pending.Values.All(op => op == "value.write"))
            {
                writesGranted = true;
                foreach (var pid in pending.Keys.ToList())
                {
                    pending.Remove(pid);
                    Assert.True(run.Grant(pid));
                }
            }
        }

        var result = await run.Result;
        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.True(writesGranted);
        Assert.Contains("Counter: 1 (expected 2)", output);
    }

    [Fact]
    public async Task Forged_lines_written_straight_to_the_channel_are_dropped_and_counted_and_the_run_still_finishes()
    {
        const string source = """
            import json, os, socket
            s = socket.socket(socket.AF_UNIX)
            s.connect(os.environ["PLAYGROUND_EVENTS"])
            s.sendall(b"garbage\n[]\n" + b"x" * 70000 + b"\n")
            s.sendall(json.dumps({"kind": "lock.acquired", "pid": os.getpid(), "name": "forged", "ts": 1, "seq": 1}).encode() + b"\n")
            s.sendall(json.dumps({"kind": "lock.acquired", "pid": 1, "name": "other", "ts": 1, "seq": 2}).encode() + b"\n")
            s.close()
            print("done")
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Equal(4, result.DroppedEvents);
        Assert.Single(events, e => e.Name == "forged");
        Assert.DoesNotContain(events, e => e.Name == "other");
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "done");
    }
}
