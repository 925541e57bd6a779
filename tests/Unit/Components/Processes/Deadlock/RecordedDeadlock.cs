using System.Diagnostics;
using Playground.Engines.Processes;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Components.Processes.Timeline;

namespace Playground.Tests.Unit.Components.Processes.Deadlock;

/// <summary>
/// The wait-for graph of a recorded deadlocked run, as the engine's own detector builds it from the
/// run's events (the recording keeps the events; the server sends the graph with the run's result).
/// </summary>
internal static class RecordedDeadlock
{
    public static WaitForGraph Graph(string recording)
    {
        var detector = new DeadlockDetector();
        foreach (var e in RecordedRuns.Load(recording))
        {
            detector.Observe(e, 0);
        }

        return detector.Check(Stopwatch.GetTimestamp(), TimeSpan.Zero)
            ?? throw new InvalidDataException($"{recording}: the detector sees no deadlock in the recording");
    }
}
