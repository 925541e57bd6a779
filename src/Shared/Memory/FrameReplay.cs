namespace Playground.Shared.Memory;

/// <summary>
/// The call stack after any step of a trace, without re-running: a step carries its frames only when they
/// differ from the previous step's, and every checkpoint carries them in full, so the frames after step k
/// are those of the last step at or before k that has them, or else of the nearest checkpoint. At most one
/// checkpoint interval of steps is looked at.
/// </summary>
public static class FrameReplay
{
    public static IReadOnlyList<TraceFrame> FramesAfter(MemoryTrace trace, int stepIndex)
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
            if (trace.Steps[i].Frames is { } frames)
            {
                return frames;
            }
        }

        return start?.Frames ?? [];
    }
}
