namespace Playground.Shared.Memory;

/// <summary>
/// A trace travels to the browser in chunks, so that a long one shows progress and no single SignalR
/// message grows without bound. Every chunk says how many steps there are in all; the last one carries
/// the <see cref="Summary"/>. Only the checkpoint before the first step travels whole, with the first
/// chunk; every later one is named in <see cref="CheckpointSteps"/> of the chunk that holds its step and
/// rebuilt by the receiver from the steps (<see cref="MemoryTraceAssembler"/>): a checkpoint is the whole
/// heap again, and in the browser's interpreted .NET reading them was 40% of a long trace's minute.
/// </summary>
public sealed record MemoryTraceChunk(
    int TotalSteps,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(TraceStepsJsonConverter))] IReadOnlyList<TraceStep> Steps,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(HeapCheckpointsJsonConverter))] IReadOnlyList<HeapCheckpoint> Checkpoints,
    MemoryTraceSummary? Summary)
{
    /// <summary>The steps after which the sender took a checkpoint that the receiver rebuilds, in order.</summary>
    public IReadOnlyList<int> CheckpointSteps { get; init; } = [];
}

/// <summary>What a trace says besides its steps: output, how the run ended, and the checkpoint spacing.</summary>
public sealed record MemoryTraceSummary(int CheckpointInterval, string Stdout, string Stderr, RunOutcome Outcome, string? Message);
