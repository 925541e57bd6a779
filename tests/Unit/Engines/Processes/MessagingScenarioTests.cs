using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;
using Xunit.Abstractions;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>The Pipe ping-pong, Pool.map and start-method scenarios run by real python3 through the sandbox, one run each.</summary>
public sealed class MessagingScenarioTests(ProcessRunnerFixture fixture, ITestOutputHelper output) : IClassFixture<ProcessRunnerFixture>
{
    private async Task<List<ProcessEvent>> RunToTheEnd(string source)
    {
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));
        output.WriteLine(result.Summary);
        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Equal(0, result.ExitCode);
        return events;
    }

    [Fact]
    public async Task Every_ping_and_pong_sent_is_received_by_the_other_process_after_it_was_sent()
    {
        var events = await RunToTheEnd(ProcessRunnerFixture.Scenario("pipe_ping_pong.py"));

        var sends = events.Where(e => e.Kind == ProcessEventKinds.PipeSend).ToList();
        var recvs = events.Where(e => e.Kind == ProcessEventKinds.PipeRecv).ToDictionary(e => e.Text("msg")!);
        Assert.Equal(10, sends.Count);
        Assert.Equal(10, recvs.Count);
        Assert.Single(sends.Select(e => e.Text("pipe")).Distinct());
        Assert.All(sends, s =>
        {
            var r = recvs[s.Text("msg")!];
            Assert.NotEqual(s.Pid, r.Pid);
            Assert.Equal(s.Text("repr"), r.Text("repr"));
            Assert.True(r.Timestamp > s.Timestamp);
        });
        Assert.Equal(["'ping'", "'pong'"], sends.GroupBy(s => s.Text("repr")).Select(g => (g.Key, g.Count())).Where(g => g.Item2 == 5).Select(g => g.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (string?)$"pong {i}"), events.Where(e => e.Kind == ProcessEventKinds.Output).Select(e => e.Text("text")));
    }

    [Fact]
    public async Task Pool_map_with_chunksize_4_runs_three_chunks_of_four_on_the_workers_and_none_of_its_own_pipes_shows()
    {
        var events = await RunToTheEnd(ProcessRunnerFixture.Scenario("pool_map_chunksize.py"));

        var map = Assert.Single(events, e => e.Kind == ProcessEventKinds.PoolMap);
        Assert.Equal((4L, "square"), (map.Integer("chunksize")!.Value, map.Text("func")));
        var submitted = events.Where(e => e.Kind == ProcessEventKinds.PoolTaskSubmitted).ToList();
        var started = events.Where(e => e.Kind == ProcessEventKinds.PoolTaskStarted).ToList();
        var finished = events.Where(e => e.Kind == ProcessEventKinds.PoolTaskFinished).OrderBy(e => e.Integer("index")).ToList();
        Assert.Equal([0L, 1L, 2L], submitted.Select(e => e.Integer("index")!.Value).Order());
        Assert.All(submitted.Concat(started), e => Assert.Equal("square×4", e.Text("func")));
        Assert.Equal(3, started.Count);
        Assert.All(started.Concat(finished), e => Assert.StartsWith("ForkPoolWorker-", e.Name, StringComparison.Ordinal));
        // each chunk is finished by the worker that started it
        Assert.All(finished, f => Assert.Equal(started.Single(s => s.Integer("index") == f.Integer("index")).Pid, f.Pid));
        Assert.Equal(["[0,1,4,9]", "[16,25,36,49]", "[64,81,100,121]"], finished.Select(e => e.Data["value"].GetRawText()));
        Assert.Equal("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121]", Assert.Single(events, e => e.Kind == ProcessEventKinds.Output).Text("text"));
        // Pool's task and result queues are multiprocessing's own: no pipe traffic, no locks, no waits of its threads
        Assert.DoesNotContain(events, e => e.Kind.StartsWith("pipe.", StringComparison.Ordinal) || e.Kind.StartsWith("lock.", StringComparison.Ordinal)
            || e.Kind.StartsWith("queue.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fork_spawn_and_forkserver_each_bring_up_a_worker_that_says_hello_and_exits_0_with_its_start_up_time()
    {
        var source = ProcessRunnerFixture.Scenario("start_methods.py").Replace("(\"fork\", \"spawn\")", "(\"fork\", \"spawn\", \"forkserver\")", StringComparison.Ordinal);
        Assert.Contains("forkserver", source, StringComparison.Ordinal);
        // each process's events come through its own pipe, so they arrive in no set order between
        // processes: the workers ran one after another, and their events say so by their timestamps
        var events = (await RunToTheEnd(source)).OrderBy(e => e.Timestamp).ToList();

        string[] methods = ["fork", "spawn", "forkserver"];
        var workers = events.Where(e => e.Kind == ProcessEventKinds.ProcessRun && e.Name != "MainProcess").ToList();
        Assert.Equal(methods, workers.Select(w => w.Text("start_method")));
        Assert.All(workers, w => Assert.True(w.Data["startup_ms"].GetDouble() > 0, $"{w.Text("start_method")} reported no start-up time"));
        Assert.Equal(methods, events.Where(e => e.Kind == ProcessEventKinds.ProcessStart).Select(e => e.Text("start_method")));
        Assert.All(workers, w => Assert.Equal(0, events.Single(e => e.Kind == ProcessEventKinds.ProcessExit && e.Pid == w.Pid).Integer("exitcode")));
        Assert.Equal(methods.Select(m => (string?)$"Hello from {m}"), events.Where(e => e.Kind == ProcessEventKinds.Output).Select(e => e.Text("text")));
    }
}
