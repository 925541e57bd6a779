namespace Playground.Shared.Memory;

/// <summary>
/// The collector's state after any step of a trace. A step carries its <see cref="TraceStep.Gc"/> only
/// when the state changed on it and every checkpoint carries it in full, so the state after step k is the
/// latest change at or before k, looked for back to the nearest checkpoint: at most one checkpoint
/// interval of steps is read.
/// </summary>
public static class GcReplay
{
    public static GcState StateAfter(MemoryTrace trace, int stepIndex)
    {
        ArgumentNullException.ThrowIfNull(trace);
        HeapCheckpoint? start = null;
        foreach (var checkpoint in trace.Checkpoints)
        {
            if (checkpoint.StepIndex <= stepIndex && (start is null || checkpoint.StepIndex > start.StepIndex))
            {
                start = checkpoint;
            }
        }

        var from = start?.StepIndex ?? -1;
        for (var i = Math.Min(stepIndex, trace.Steps.Count - 1); i > from; i--)
        {
            if (trace.Steps[i].Gc is { } changed)
            {
                return changed;
            }
        }

        return start?.Gc ?? GcState.Initial;
    }
}
