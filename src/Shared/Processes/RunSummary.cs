namespace Playground.Shared.Processes;

/// <summary>
/// How a run ended, in words (<see cref="Ending"/>: "finished with exit code 0", "timed out after 10 s",
/// "process limit hit (96 processes)", "killed by the user"...), which isolation was in force, and what
/// became of the event stream (events passed on, and events dropped as malformed or over the caps).
/// </summary>
public sealed record RunSummary(
    string Ending,
    int? ExitCode,
    string Isolation,
    long Events,
    long DroppedEvents,
    IReadOnlyList<string> DropReasons,
    double WallSeconds,
    int Survivors);
