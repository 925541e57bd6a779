namespace Playground.Shared.Memory;

/// <summary>
/// The heap after any step of a trace, rebuilt without re-running: start from the nearest checkpoint at
/// or before the step and apply the later steps' deltas (objects whose state changed replace their old
/// state; freed objects leave). At most one checkpoint interval of steps is applied, so a jump is cheap
/// in either direction.
/// </summary>
public static class HeapReplay
{
    public static IReadOnlyDictionary<long, HeapObject> HeapAfter(MemoryTrace trace, int stepIndex)
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

        var heap = new Dictionary<long, HeapObject>();
        foreach (var o in start?.Objects ?? [])
        {
            heap[o.Id] = o;
        }

        for (var i = (start?.StepIndex ?? -1) + 1; i <= stepIndex && i < trace.Steps.Count; i++)
        {
            var step = trace.Steps[i];
            foreach (var changed in step.Changed)
            {
                heap[changed.Id] = changed;
            }

            foreach (var freed in step.Freed)
            {
                heap.Remove(freed.ObjectId);
            }
        }

        return heap;
    }
}
