namespace Playground.Shared.Processes;

/// <summary>
/// The end of a run: how it ended (<see cref="Summary"/> in words, e.g. "finished with exit code 0",
/// "stopped: deadlock"), the main process's exit code, what was received and dropped on the event
/// channel, the wait-for graph when a deadlock stopped it, and the sandbox layers that were in force
/// (named for an operator in <see cref="Layers"/>, and in a student's words).
/// </summary>
public sealed record RunResult(
    RunEnding Ending,
    string Summary,
    int? ExitCode,
    long Events,
    long DroppedEvents,
    IReadOnlyList<string> DropReasons,
    WaitForGraph? Deadlock,
    string Layers,
    TimeSpan WallTime)
{
    /// <summary>What <see cref="Layers"/> mean to a student ("Ran in a sandbox: no network, ..."); empty when not told.</summary>
    public string LayersInWords { get; init; } = string.Empty;
}
