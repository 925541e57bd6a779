namespace Playground.Shared.Memory;

/// <summary>
/// Where an object stands in a collection, in the words of Modules/gcmodule.c (CPython 3.11).
/// </summary>
public enum GcObjectStatus
{
    /// <summary>update_refs copied its reference count into gc_refs; nothing is decided yet.</summary>
    Examined,

    /// <summary>Referenced from outside the generation (gc_refs &gt; 0), or reached from such an object.</summary>
    Reachable,

    /// <summary>gc_refs is 0 after subtract_refs: only objects inside the generation refer to it, for now.</summary>
    TentativelyUnreachable,

    /// <summary>move_unreachable found no path to it from outside: it is garbage unless a finalizer saves it.</summary>
    Unreachable,

    /// <summary>A finalizer (__del__) or a weakref callback made it reachable again; it survives.</summary>
    Resurrected,

    /// <summary>delete_garbage cleared it and reference counting freed it.</summary>
    Freed,

    /// <summary>It survived and moved to the next generation (or stayed in generation 2).</summary>
    Promoted,
}

/// <summary>
/// Each object's <see cref="GcObjectStatus"/> and gc_refs after a phase of a collection, computed from the
/// trace's phase records alone. A plain dictionary by object id, so any view can colour its objects with
/// it: the collection view's cards, the heap graph's nodes.
/// </summary>
public static class GcObjectStatuses
{
    /// <summary>The status of every object the collection listed, after phase <paramref name="phaseIndex"/> (an index into <see cref="GcCollection.Phases"/>).</summary>
    public static IReadOnlyDictionary<long, GcObjectStatus> AfterPhase(GcCollection collection, int phaseIndex)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var statuses = new Dictionary<long, GcObjectStatus>();
        for (var i = 0; i <= phaseIndex && i < collection.Phases.Count; i++)
        {
            var phase = collection.Phases[i];
            if (phase.Phase is not (GcPhase.UpdateRefs or GcPhase.SubtractRefs or GcPhase.MoveUnreachable))
            {
                // Survivors leave for the next generation as soon as move_unreachable is done.
                foreach (var (id, status) in statuses.Where(s => s.Value == GcObjectStatus.Reachable).ToList())
                {
                    statuses[id] = GcObjectStatus.Promoted;
                }
            }

            foreach (var o in phase.Objects)
            {
                var next = Next(phase.Phase, o);
                if (next is { } status)
                {
                    statuses[o.Id] = status;
                }
            }
        }

        return statuses;
    }

    /// <summary>The status of every object once the whole collection is over: freed, promoted or resurrected.</summary>
    public static IReadOnlyDictionary<long, GcObjectStatus> AfterCollection(GcCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return AfterPhase(collection, collection.Phases.Count - 1);
    }

    /// <summary>The statuses the collections of step <paramref name="stepIndex"/> left, the later collection winning; empty on a step without one.</summary>
    public static IReadOnlyDictionary<long, GcObjectStatus> AfterStep(MemoryTrace trace, int stepIndex)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var statuses = new Dictionary<long, GcObjectStatus>();
        if (stepIndex < 0 || stepIndex >= trace.Steps.Count)
        {
            return statuses;
        }

        foreach (var collection in trace.Steps[stepIndex].Collections)
        {
            foreach (var (id, status) in AfterCollection(collection))
            {
                statuses[id] = status;
            }
        }

        return statuses;
    }

    /// <summary>gc_refs of every listed object as of phase <paramref name="phaseIndex"/>: the latest phase that listed it.</summary>
    public static IReadOnlyDictionary<long, long> GcRefsAfterPhase(GcCollection collection, int phaseIndex)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var refs = new Dictionary<long, long>();
        for (var i = 0; i <= phaseIndex && i < collection.Phases.Count; i++)
        {
            foreach (var o in collection.Phases[i].Objects)
            {
                refs[o.Id] = o.GcRefs;
            }
        }

        return refs;
    }

    private static GcObjectStatus? Next(GcPhase phase, GcObjectState o) => phase switch
    {
        GcPhase.UpdateRefs => GcObjectStatus.Examined,
        GcPhase.SubtractRefs => o.GcRefs > 0 ? GcObjectStatus.Reachable : GcObjectStatus.TentativelyUnreachable,
        GcPhase.MoveUnreachable => o.Unreachable ? GcObjectStatus.Unreachable : GcObjectStatus.Reachable,
        GcPhase.ResurrectionCheck when !o.Unreachable => GcObjectStatus.Resurrected,
        GcPhase.DeleteGarbage => GcObjectStatus.Freed,
        _ => null,
    };
}
