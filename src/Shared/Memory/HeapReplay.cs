namespace Playground.Shared.Memory;

/// <summary>
/// The heap after any step of a trace, rebuilt without re-running: start from the nearest checkpoint at
/// or before the step and apply the later steps' deltas (objects whose state changed replace their old
/// state; freed objects leave). At most one checkpoint interval of steps is applied, so a jump is cheap
/// in either direction.
/// </summary>
public static class HeapReplay
{
    /// <summary>The latest checkpoint taken at or before step <paramref name="stepIndex"/>, or null (start from an empty heap).</summary>
    public static HeapCheckpoint? CheckpointAtOrBefore(MemoryTrace trace, int stepIndex)
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

        return start;
    }

    public static IReadOnlyDictionary<long, HeapObject> HeapAfter(MemoryTrace trace, int stepIndex)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var start = CheckpointAtOrBefore(trace, stepIndex);

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

    /// <summary>
    /// The state of just the objects <paramref name="ids"/> after step <paramref name="stepIndex"/>, for
    /// views that need a few of them (the objects a later step frees) without the whole heap: each id is
    /// looked for in the steps back to the nearest checkpoint, newest first, then in the checkpoint. Ids
    /// not alive then are left out.
    /// </summary>
    public static IReadOnlyDictionary<long, HeapObject> ObjectsAfter(MemoryTrace trace, int stepIndex, IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToHashSet();
        var found = new Dictionary<long, HeapObject>();
        if (wanted.Count == 0)
        {
            return found;
        }

        var start = CheckpointAtOrBefore(trace, stepIndex);

        for (var i = Math.Min(stepIndex, trace.Steps.Count - 1); i > (start?.StepIndex ?? -1) && wanted.Count > 0; i--)
        {
            var step = trace.Steps[i];
            foreach (var freed in step.Freed)
            {
                wanted.Remove(freed.ObjectId);
            }

            foreach (var changed in step.Changed)
            {
                if (wanted.Remove(changed.Id))
                {
                    found[changed.Id] = changed;
                }
            }
        }

        foreach (var o in start?.Objects ?? [])
        {
            if (wanted.Contains(o.Id))
            {
                found[o.Id] = o;
            }
        }

        return found;
    }
}
