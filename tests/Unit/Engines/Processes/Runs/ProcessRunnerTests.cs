using Playground.Engines.Processes.Events;
using Playground.Engines.Processes.Runs;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Tests.Unit.Engines.Processes.Runs;

/// <summary>The built-in scenarios run in real python3 processes through the sandbox; their events have the expected shape.</summary>
public sealed class ProcessRunnerTests
{
    private static readonly Lazy<Task<SandboxRunner>> SharedSandbox = new(() =>
        SandboxRunner.CreateAsync(new SandboxLimits { WallTime = TimeSpan.FromSeconds(30) }));

    private static async Task<(List<ProcessEvent> Events, RunSummary Summary)> RunAsync(string script, string? startMethod = null, Func<ProcessRun, ProcessEvent, Task>? onEvent = null)
    {
        var runner = new ProcessRunner(await SharedSandbox.Value, new ProcessRunOptions());
        await using var run = await runner.StartAsync(script, startMethod, CancellationToken.None);
        var events = new List<ProcessEvent>();
        await foreach (var e in run.Events.ReadAllAsync())
        {
            events.Add(e);
            if (onEvent is not null)
            {
                await onEvent(run, e);
            }
        }

        return (events, await run.Completion);
    }

    private static string Scenario(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "processes", name));

    [Theory]
    [InlineData("fork")]
    [InlineData("spawn")]
    [InlineData("forkserver")]
    public async Task The_five_workers_start_print_their_number_and_exit_0(string startMethod)
    {
        var (events, summary) = await RunAsync(Scenario("five_workers.py"), startMethod);

        Assert.Equal("finished with exit code 0", summary.Ending);
        Assert.Equal(0, summary.Survivors);
        Assert.Equal(0, summary.DroppedEvents);
        var starts = events.Where(e => e.Kind == ProcessEventKinds.ProcessStart).ToList();
        Assert.Equal(5, starts.Count);
        Assert.All(starts, s => Assert.Equal(startMethod, s["startMethod"]));
        var children = starts.ToDictionary(s => ProcessEventParser.IntField(s, "child")!.Value, s => s["childName"]);
        Assert.Equal(5, children.Count);
        foreach (var (pid, name) in children)
        {
            Assert.Contains(events, e => e.Kind == ProcessEventKinds.ProcessRun && e.Pid == pid && e.Name == name);
            Assert.Contains(events, e => e.Kind == ProcessEventKinds.ProcessExit && e.Pid == pid && e["exitcode"] == "0");
        }

        var lines = events.Where(e => e.Kind == ProcessEventKinds.Output).ToList();
        Assert.Equal(["Worker: 0", "Worker: 1", "Worker: 2", "Worker: 3", "Worker: 4"], lines.Select(l => l["text"]).Order());
        Assert.All(lines, l => Assert.True(children.ContainsKey(l.Pid), $"'{l["text"]}' was written by a worker"));
        Assert.All(events.GroupBy(e => e.Pid), g => Assert.Equal(Enumerable.Range(1, g.Count()).Select(i => (long)i), g.Select(e => e.Seq).Order()));
    }

    [Fact]
    public async Task Every_item_the_producer_puts_the_consumer_gets_in_order()
    {
        var (events, summary) = await RunAsync(Scenario("queue_producer_consumer.py"));

        Assert.Equal("finished with exit code 0", summary.Ending);
        var puts = events.Where(e => e.Kind == ProcessEventKinds.QueuePut).ToList();
        var gets = events.Where(e => e.Kind == ProcessEventKinds.QueueGet).ToList();
        Assert.Equal(["0", "1", "2", "3", "4", "None"], puts.Select(p => p["value"]));
        Assert.Equal(puts.Select(p => p["value"]), gets.Select(g => g["value"]));
        Assert.Single(puts.Select(p => p["queue"]).Concat(gets.Select(g => g["queue"])).Distinct());
        Assert.All(puts, p => Assert.True(int.Parse(p["bytes"]!, System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.NotEqual(puts[0].Pid, gets[0].Pid);
    }

    [Fact]
    public async Task The_lock_is_never_held_by_two_processes_at_once()
    {
        var (events, summary) = await RunAsync(Scenario("value_counter_locked.py"));

        Assert.Equal("finished with exit code 0", summary.Ending);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e["text"] == "expected 4000, got 4000");
        var holds = events.Where(e => e.Kind is ProcessEventKinds.LockAcquired or ProcessEventKinds.LockReleased).OrderBy(e => e.Ts).ToList();
        // Value's lock is an RLock, and reading or writing counter.value takes it again inside the with:
        // a holder may acquire it more than once, but no other process may until it is fully released.
        Assert.True(holds.Count >= 8000, $"{holds.Count} lock events");
        int? holder = null;
        var depth = 0;
        foreach (var e in holds)
        {
            if (e.Kind == ProcessEventKinds.LockAcquired)
            {
                Assert.True(holder is null || holder == e.Pid, $"{e.Pid} acquired the lock while {holder} held it");
                holder = e.Pid;
                depth++;
            }
            else
            {
                Assert.Equal(holder, e.Pid);
                if (--depth == 0)
                {
                    holder = null;
                }
            }
        }

        Assert.Equal(0, depth);
    }

    [Fact]
    public async Task Malformed_events_are_dropped_and_counted_and_the_run_goes_on()
    {
        const string script = """
            import os, socket
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(os.environ["PLAYGROUND_EVENTS"])
            s.sendall(b"not json\n" + b'{"kind": "made.up", "pid": 1, "name": "x", "ts": 1, "seq": 1}\n'
                      + b'{"kind": "output", "pid": -4, "name": "x", "ts": 1, "seq": 1}\n' + b"x" * 100000 + b"\n")
            s.close()
            print("still running")
            """;

        var (events, summary) = await RunAsync(script);

        Assert.Equal("finished with exit code 0", summary.Ending);
        Assert.Equal(4, summary.DroppedEvents);
        Assert.Contains("not JSON", summary.DropReasons);
        Assert.Contains("unknown kind", summary.DropReasons);
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e["text"] == "still running");
    }

    [Fact]
    public async Task Stopping_a_run_kills_every_process_of_it()
    {
        const string script = """
            import time
            from multiprocessing import Process

            def spin():
                while True:
                    time.sleep(0.01)

            if __name__ == "__main__":
                workers = [Process(target=spin) for _ in range(3)]
                for w in workers:
                    w.start()
                print("all started")
                for w in workers:
                    w.join()
            """;

        var (_, summary) = await RunAsync(script, onEvent: async (run, e) =>
        {
            if (e.Kind == ProcessEventKinds.Output)
            {
                await run.StopAsync();
            }
        });

        Assert.Equal("killed by the user", summary.Ending);
        Assert.Equal(0, summary.Survivors);
    }
}
