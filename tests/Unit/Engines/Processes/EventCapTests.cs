using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>The caps on a run's events (<see cref="ProcessRunOptions.MaxEvents"/>, <see cref="ProcessRunOptions.MaxEventsPerSecond"/>) with real python3.</summary>
public sealed class EventCapTests
{
    // thousands of events in well under a second: 5,000 writes of a Value (so many that the script is
    // still writing when the cap stops it)
    private const string Chatty = """
        from multiprocessing import Value
        v = Value("i", 0)
        for i in range(5000):
            v.value = i
        print("wrote", v.value)
        """;

    private static async Task<(List<ProcessEvent> Events, RunResult Result)> RunAsync(ProcessRunOptions options)
    {
        var sandbox = await Playground.Engines.Processes.Sandbox.Sandbox.CreateAsync(new SandboxLimits { WallTime = TimeSpan.FromSeconds(30) });
        await using var run = await new ProcessRunner(sandbox, options).StartAsync(new ProcessRunRequest(Chatty), CancellationToken.None);
        var events = new List<ProcessEvent>();
        await foreach (var e in run.Events)
            events.Add(e);
        return (events, await run.Result);
    }

    [Fact]
    public async Task A_run_past_its_event_limit_is_stopped_as_too_many_events_before_the_script_ends()
    {
        var (events, result) = await RunAsync(new ProcessRunOptions { MaxEvents = 50 });

        Assert.Equal(RunEnding.EventLimit, result.Ending);
        Assert.True(result.Events > 50);
        Assert.InRange(events.Count(e => e.Kind == ProcessEventKinds.ValueWrite), 1, 50);
        Assert.DoesNotContain(events, e => e.Kind == ProcessEventKinds.Output && e.Text("text") == "wrote 4999");
    }

    [Fact]
    public async Task Events_past_the_rate_cap_are_dropped_and_counted_while_the_script_runs_to_its_end()
    {
        var (events, result) = await RunAsync(new ProcessRunOptions { MaxEventsPerSecond = 100 });

        Assert.Equal(RunEnding.Finished, result.Ending);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.DroppedEvents > 0);
        Assert.Contains(result.DropReasons, r => r.StartsWith("more than 100 events per second", StringComparison.Ordinal));
        Assert.Contains("dropped", result.Summary, StringComparison.Ordinal);
        Assert.True(events.Count(e => e.Kind == ProcessEventKinds.ValueWrite) < 300);
    }
}
