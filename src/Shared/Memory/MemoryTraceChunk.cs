namespace Playground.Shared.Memory;

/// <summary>
/// A trace travels to the browser in chunks, so that a long one shows progress and no single SignalR
/// message grows without bound. Every chunk says how many steps there are in all; the last one carries
/// the <see cref="Summary"/>. Checkpoints travel with the chunk that holds their step.
/// </summary>
public sealed record MemoryTraceChunk(
    int TotalSteps,
    IReadOnlyList<TraceStep> Steps,
    IReadOnlyList<HeapCheckpoint> Checkpoints,
    MemoryTraceSummary? Summary);

/// <summary>What a trace says besides its steps: output, how the run ended, and the checkpoint spacing.</summary>
public sealed record MemoryTraceSummary(int CheckpointInterval, string Stdout, string Stderr, RunOutcome Outcome, string? Message);
