using System.Text.Json;
using Playground.Client.Components.Processes;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

public sealed class ProcessLanesTests
{
    private static long _seq;

    private static ProcessEvent Event(string kind, int pid, string name, object? data = null) =>
        new(kind, pid, name, _seq * 0.01, ++_seq,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(data ?? new { }))!);

    [Fact]
    public void A_lane_waits_while_its_process_is_blocked_and_runs_again_after()
    {
        var lanes = new ProcessLanes();

        lanes.Apply([
            Event(ProcessEventKinds.ProcessRun, 2, "MainProcess"),
            Event(ProcessEventKinds.ProcessRun, 3, "Process-1"),
            Event(ProcessEventKinds.LockRequested, 3, "Process-1", new { @lock = "Lock-a" }),
        ]);
        Assert.Equal("waiting: lock.requested on Lock-a", lanes.Lanes.Single(l => l.Pid == 3).State);

        lanes.Apply([Event(ProcessEventKinds.LockAcquired, 3, "Process-1", new { @lock = "Lock-a" })]);
        Assert.Equal("running", lanes.Lanes.Single(l => l.Pid == 3).State);
        Assert.Equal("running", lanes.Lanes.Single(l => l.Pid == 2).State);
    }

    [Fact]
    public void Exits_keep_their_code_and_console_lines_keep_their_process()
    {
        var lanes = new ProcessLanes();

        lanes.Apply([
            Event(ProcessEventKinds.ProcessRun, 3, "Process-1"),
            Event(ProcessEventKinds.Output, 3, "Process-1", new { stream = "stdout", text = "Worker: 0" }),
            Event(ProcessEventKinds.ProcessExit, 3, "Process-1", new { exitcode = 0 }),
            Event(ProcessEventKinds.Output, 2, "MainProcess", new { stream = "stderr", text = "Traceback" }),
            Event(ProcessEventKinds.ProcessExit, 2, "MainProcess"),
        ]);

        Assert.Equal("exited with code 0", lanes.Lanes.Single(l => l.Pid == 3).State);
        Assert.Equal("exited", lanes.Lanes.Single(l => l.Pid == 2).State);
        Assert.Equal([("Process-1", "stdout", "Worker: 0"), ("MainProcess", "stderr", "Traceback")],
            lanes.Console.Select(c => (c.Name, c.Stream, c.Text)));
        Assert.Equal(5, lanes.EventCount);
        Assert.Equal([0, 1], lanes.Lanes.Select(l => l.Index));
    }
}
