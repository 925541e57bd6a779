using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>What process.exit says with real python3: the main process's exit status from the runner, and every process's CPU time.</summary>
public sealed class ProcessExitTests(ProcessRunnerFixture fixture) : IClassFixture<ProcessRunnerFixture>
{
    [Fact]
    public async Task The_main_process_exit_carries_python3s_exit_status_and_every_exit_its_cpu_time()
    {
        const string source = """
            import sys
            from multiprocessing import Process

            def spin():
                sum(i * i for i in range(300_000))

            def idle():
                pass

            if __name__ == "__main__":
                p = Process(target=spin)
                p.start()
                p.join()
                q = Process(target=idle)
                q.start()
                q.join()
                sys.exit(3)
            """;
        var (events, result) = await fixture.RunAsync(new ProcessRunRequest(source));

        Assert.Equal(3, result.ExitCode);
        var exits = events.Where(e => e.Kind == ProcessEventKinds.ProcessExit).ToDictionary(e => e.Name);
        Assert.Equal(3, exits["MainProcess"].Integer("exitcode"));
        Assert.Equal(0, exits["Process-1"].Integer("exitcode"));
        var cpu = double.Parse(exits["Process-1"].Text("cpu_s")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(cpu, 0.005, 5);
        Assert.NotNull(exits["MainProcess"].Text("cpu_s"));
        // CPU time is read to the microsecond (os.times() counted in 10 ms ticks: it said 0.0 for a child
        // that ran a few milliseconds, and the summary showed "0 ms"): the busy child's is not a whole
        // number of ticks. A child that does next to nothing used far less than the busy one; CI once read
        // 0 for it, so no lower bound.
        Assert.NotEqual(0, Math.Round(cpu * 1_000_000) % 10_000);
        var idle = double.Parse(exits["Process-2"].Text("cpu_s")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(idle, 0, 0.05);
        Assert.True(idle < cpu, $"the idle child used {idle} s, the busy one {cpu} s");
        Assert.Equal(ProcessEventKinds.ProcessExit, events[^1].Kind);
    }

    [Fact]
    public async Task A_child_s_negative_sys_exit_is_reported_as_the_exitcode_its_parent_reads_not_as_a_signal()
    {
        const string source = """
            import sys
            from multiprocessing import Process

            def leave():
                sys.exit(-1)

            if __name__ == "__main__":
                p = Process(target=leave)
                p.start()
                p.join()
                print(p.exitcode)
            """;
        var (events, _) = await fixture.RunAsync(new ProcessRunRequest(source));

        // os._exit(-1) leaves 255 in the kernel's one byte, and multiprocessing reads 255: -1 would read as SIGHUP
        Assert.Equal(255, events.Single(e => e.Kind == ProcessEventKinds.ProcessExit && e.Name == "Process-1").Integer("exitcode"));
        Assert.Contains(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "255");
    }

    [Fact]
    public async Task A_main_process_killed_by_a_signal_gets_its_exit_from_the_runner_as_minus_the_signal()
    {
        var (events, _) = await fixture.RunAsync(new ProcessRunRequest("import os, signal\nprint('bye')\nos.kill(os.getpid(), signal.SIGKILL)\n"));

        var exit = Assert.Single(events, e => e.Kind == ProcessEventKinds.ProcessExit);
        Assert.Equal(-9, exit.Integer("exitcode"));
        Assert.Equal("runner", exit.Text("reported_by"));
        Assert.Equal("MainProcess", exit.Name);
    }
}
