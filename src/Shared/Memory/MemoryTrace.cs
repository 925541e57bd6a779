namespace Playground.Shared.Memory;

/// <summary>
/// The result of one simulated run: every step with its changes (deltas), full heap checkpoints every
/// <see cref="CheckpointInterval"/> steps so a viewer can jump anywhere, the program's output and how it ended.
/// The state after step k is the nearest checkpoint at or before k with the deltas of the steps after it applied.
/// </summary>
public sealed record MemoryTrace(
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<HeapCheckpoint> Checkpoints,
    int CheckpointInterval,
    string Stdout,
    string Stderr,
    RunOutcome Outcome,
    string? Message)
{
    /// <summary>pymalloc's state at the end of the run, as <c>sys._debugmallocstats()</c> prints it.</summary>
    public string? MallocStats { get; init; }

    /// <summary>Wall-clock time the run spent in the cyclic collector, for the bench to compare with python3.</summary>
    public TimeSpan CollectorTime { get; init; }

    /// <summary>
    /// Whether step <paramref name="index"/> is the interpreter's exit: the engine ends a script that ran
    /// to its end with a step of its own, on the module's last line, that lets go of its names and frees
    /// what they held (Interpreter.RunModule). A script that raised or hit a limit has none.
    /// </summary>
    public bool IsExitStep(int index) => Outcome == RunOutcome.Completed && Steps.Count > 1 && index == Steps.Count - 1;
}

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    Completed,
    UncaughtException,
    Rejected,
    StepLimit,
    ObjectLimit,
    TimeLimit,
}

/// <summary>
/// One executed line: what happened to memory while it ran. <see cref="StdoutLength"/> is the length of
/// <see cref="MemoryTrace.Stdout"/> printed so far, so the output at this step is a prefix of it.
/// </summary>
public sealed record TraceStep(
    int Index,
    int Line,
    IReadOnlyList<RefCountChange> RefCountChanges,
    IReadOnlyList<HeapObject> Changed,
    IReadOnlyList<ObjectFreed> Freed,
    IReadOnlyList<GcCollection> Collections,
    int StdoutLength)
{
    /// <summary>The call stack after this step when it differs from the previous step's; null when it is the same.</summary>
    public IReadOnlyList<TraceFrame>? Frames { get; init; }

    /// <summary>The collector's state after this step, only when it changed on it (see <see cref="GcReplay"/>).</summary>
    public GcState? Gc { get; init; }

    /// <summary>What the step did to pymalloc's arenas, pools and system blocks; null when it did nothing there.</summary>
    public Allocation.AllocatorChange? Allocator { get; init; }
}

/// <summary>The whole heap after step <see cref="StepIndex"/> (-1 for before the first step).</summary>
public sealed record HeapCheckpoint(int StepIndex, IReadOnlyList<HeapObject> Objects, IReadOnlyList<int> GcCounts)
{
    /// <summary>The whole call stack after <see cref="StepIndex"/> (see <see cref="FrameReplay"/>).</summary>
    public IReadOnlyList<TraceFrame> Frames { get; init; } = [];

    /// <summary>The collector's whole state at this checkpoint.</summary>
    public GcState? Gc { get; init; }

    /// <summary>pymalloc's whole state after the step: where <see cref="Allocation.AllocatorReplay"/> starts.</summary>
    public Allocation.AllocatorState? Allocator { get; init; }
}
