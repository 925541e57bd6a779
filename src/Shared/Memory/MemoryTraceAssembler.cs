namespace Playground.Shared.Memory;

/// <summary>
/// Puts a streamed trace back together, chunk by chunk, and says how far it has got. The checkpoints a
/// chunk names (<see cref="MemoryTraceChunk.CheckpointSteps"/>) are rebuilt from the steps received so
/// far, each from the one before it with the replays the pages use (<see cref="HeapReplay"/>,
/// <see cref="FrameReplay"/>, <see cref="GcReplay"/>, <see cref="Allocation.AllocatorReplay"/>), so they hold
/// what stepping through the deltas shows.
/// </summary>
public sealed class MemoryTraceAssembler
{
    private readonly List<TraceStep> _steps = [];
    private readonly List<HeapCheckpoint> _checkpoints = [];
    private MemoryTraceSummary? _summary;

    public int ReceivedSteps => _steps.Count;

    public int TotalSteps { get; private set; }

    public bool IsComplete => _summary is not null;

    public void Add(MemoryTraceChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        TotalSteps = chunk.TotalSteps;
        _steps.AddRange(chunk.Steps);
        _checkpoints.AddRange(chunk.Checkpoints);
        foreach (var step in chunk.CheckpointSteps)
        {
            _checkpoints.Add(Rebuild(step));
        }

        _summary ??= chunk.Summary;
    }

    private HeapCheckpoint Rebuild(int step)
    {
        if (step < 0 || step >= _steps.Count || (_checkpoints.Count > 0 && _checkpoints[^1].StepIndex >= step))
        {
            throw new InvalidOperationException($"A checkpoint after step {step} cannot be rebuilt from {_steps.Count} steps.");
        }

        var sofar = new MemoryTrace(_steps, _checkpoints, 1, string.Empty, string.Empty, RunOutcome.Completed, null);
        var gc = GcReplay.StateAfter(sofar, step);
        return new HeapCheckpoint(step, [.. HeapReplay.HeapAfter(sofar, step).Values], gc.Counts)
        {
            Frames = FrameReplay.FramesAfter(sofar, step),
            Gc = gc,
            Allocator = Allocation.AllocatorReplay.StateAfter(sofar, step),
        };
    }

    /// <summary>The whole trace, once the last chunk has arrived.</summary>
    public MemoryTrace ToTrace() => _summary is { } s
        ? new MemoryTrace(_steps, _checkpoints, s.CheckpointInterval, s.Stdout, s.Stderr, s.Outcome, s.Message)
        : throw new InvalidOperationException("The trace is not complete yet.");

    /// <summary>
    /// Cuts a trace into chunks of at most <paramref name="stepsPerChunk"/> steps; the last carries the
    /// summary. The first checkpoint goes whole with the first chunk, the others by their step only.
    /// </summary>
    public static IEnumerable<MemoryTraceChunk> Split(MemoryTrace trace, int stepsPerChunk)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerChunk, 1);
        var total = trace.Steps.Count;
        var summary = new MemoryTraceSummary(trace.CheckpointInterval, trace.Stdout, trace.Stderr, trace.Outcome, trace.Message);
        var chunks = Math.Max(1, (total + stepsPerChunk - 1) / stepsPerChunk);
        // A checkpoint is named by the chunk that holds its step; the one before the first step (-1)
        // with the first chunk.
        int ChunkOf(HeapCheckpoint c) => Math.Clamp(c.StepIndex, 0, Math.Max(0, total - 1)) / stepsPerChunk;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var start = chunk * stepsPerChunk;
            var count = Math.Min(stepsPerChunk, total - start);
            yield return new MemoryTraceChunk(
                total,
                trace.Steps.Skip(start).Take(count).ToList(),
                chunk == 0 ? [.. trace.Checkpoints.Take(1)] : [],
                chunk == chunks - 1 ? summary : null)
            {
                CheckpointSteps = [.. trace.Checkpoints.Skip(1).Where(c => ChunkOf(c) == chunk).Select(c => c.StepIndex)],
            };
        }
    }
}
