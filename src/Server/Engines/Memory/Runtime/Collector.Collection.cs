using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// gc_collect_main (Modules/gcmodule.c, CPython 3.11), phase by phase. As in CPython the per-object state
/// lives in the object (gc_refs and the collecting / unreachable flags that 3.11 packs into PyGC_Head's
/// _gc_prev), the generations are intrusive linked lists, and the phases allocate nothing per object: the
/// working lists below are kept between collections and emptied after each one, so collecting a million
/// objects costs passes over them, not a million allocations.
/// </summary>
internal sealed partial class Collector
{
    /// <summary>
    /// The objects listed per phase in the trace. A student looks at a few dozen objects; a collection of a
    /// million lists the first ones and says how many it left out (<see cref="GcPhaseRecord.OmittedObjects"/>).
    /// </summary>
    public const int MaxRecordedObjects = 200;

    private readonly List<PyObject> _young = [];
    private readonly List<PyObject> _unreachable = [];
    private readonly List<PyObject> _final = [];
    private readonly List<PyObject> _refs = [];
    private readonly List<PyObject> _stack = [];
    private readonly List<PyWeakRef> _weakrefCallbacks = [];

    private (int Collected, int Uncollectable) CollectMain(int generation, bool automatic)
    {
        var phases = interp.Recorder != null ? new List<GcPhaseRecord>() : null;

        // Merge the younger generations into the one collected; count[generation+1] records one more collection.
        if (generation + 1 < Generations)
        {
            Counts[generation + 1]++;
        }

        for (var i = 0; i <= generation; i++)
        {
            Counts[i] = 0;
        }

        var young = _young;
        var total = 0;
        for (var g = 0; g <= generation; g++)
        {
            total += _gens[g].Count;
        }

        // One allocation for the working lists of a big collection, not a series of doublings.
        young.EnsureCapacity(total);
        for (var g = 0; g <= generation; g++)
        {
            _gens[g].MoveTo(young);
        }

        var oldGen = generation < Generations - 1 ? generation + 1 : generation;
        try
        {
            UpdateRefs(young);
            Record(phases, GcPhase.UpdateRefs, "gc_refs = ob_refcnt for every object of the generation", young);
            SubtractRefs(young);
            Record(phases, GcPhase.SubtractRefs, "references from inside the generation subtracted: gc_refs > 0 means referenced from outside", young);
            MoveUnreachable(young);
            Record(phases, GcPhase.MoveUnreachable, "objects still at gc_refs 0 and not reachable from outside are tentatively unreachable", young);
            var unreachable = PromoteSurvivors(young, generation, oldGen, out var hasWeakrefs, out var mayFinalize);

            var (freedWeakrefs, ranCode) = HandleWeakrefs(unreachable, hasWeakrefs, phases);
            ranCode |= mayFinalize && FinalizeGarbage(unreachable);
            Record(phases, GcPhase.Finalizers, "__del__ called on unreachable objects that define it (PEP 442)", unreachable);

            var final = HandleResurrected(unreachable, ranCode, phases);
            // A class is several objects to CPython (its __mro__ and __bases__ tuples, its namespace and its
            // descriptors), all in its cycle and all counted as collected; the model draws the class alone. So
            // is a function's __defaults__ tuple when it was built as the def ran (a default that is a
            // container: constant defaults are a constant tuple of the code, which outlives the function).
            var unseen = 0;
            foreach (var o in final)
            {
                unseen += o switch
                {
                    PyType { IsHeapType: true } t => t.ObjectsOfItsOwn,
                    PyFunction f when f.Defaults.Any(d => d is { IsGcType: true }) => 1,
                    _ => 0,
                };
            }

            DeleteGarbage(final, unreachable, phases);

            if (generation == Generations - 1)
            {
                LongLivedTotal = _gens[2].Count;
                interp.ClearFreeLists();
            }

            var collected = final.Count + unseen + freedWeakrefs;
            if (phases != null)
            {
                interp.Recorder!.Collection(new GcCollection(generation, automatic, phases, collected, 0)
                {
                    Callbacks = CallbacksList is { } callbacks ? [.. callbacks.Items.Select(interp.Repr)] : [],
                });
            }

            return (collected, 0);
        }
        finally
        {
            // Drop the references the working lists hold, so freed objects can go.
            young.Clear();
            _unreachable.Clear();
            _final.Clear();
            _refs.Clear();
            _stack.Clear();
            _weakrefCallbacks.Clear();
        }
    }

    /// <summary>update_refs: gc_refs = ob_refcnt, and mark the object as inside this collection.</summary>
    private static void UpdateRefs(List<PyObject> objects)
    {
        foreach (var o in objects)
        {
            o.GcRefs = o.RefCount;
            o.Collecting = true;
            o.Unreachable = false;
            o.Visited = false;
        }
    }

    /// <summary>subtract_refs: for every reference from an object of the collection to another, gc_refs - 1.</summary>
    private void SubtractRefs(List<PyObject> objects)
    {
        var refs = _refs;
        foreach (var o in objects)
        {
            refs.Clear();
            o.TraverseForCollector(refs);
            foreach (var r in refs)
            {
                if (r.Collecting)
                {
                    r.GcRefs--;
                }
            }
        }
    }

    /// <summary>
    /// move_unreachable: objects with gc_refs > 0 are referenced from outside, and everything they reach is
    /// reachable too (gc_refs set to 1, as visit_reachable does); what is left at 0 is unreachable. Returns
    /// <see cref="PyObject.Unreachable"/> marks the unreachable ones.
    /// </summary>
    private void MoveUnreachable(List<PyObject> young)
    {
        var stack = _stack;
        foreach (var o in young)
        {
            if (o.GcRefs > 0)
            {
                stack.Add(o);
            }
            else
            {
                o.Unreachable = true;
            }
        }

        var refs = _refs;
        while (stack.Count > 0)
        {
            var o = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (o.Visited)
            {
                continue;
            }

            o.Visited = true;
            refs.Clear();
            o.TraverseForCollector(refs);
            foreach (var r in refs)
            {
                if (!r.Collecting)
                {
                    continue;
                }

                if (r.Unreachable)
                {
                    r.Unreachable = false;
                    r.GcRefs = 1;
                }

                if (!r.Visited)
                {
                    stack.Add(r);
                }
            }
        }

    }

    /// <summary>
    /// Survivors move to the next generation (gc_list_merge(young, old)), except tuples holding nothing that
    /// can be tracked (untrack_tuples) and, on full collections, such dicts (untrack_dicts). The unreachable
    /// objects, returned in generation order, go there too until they are freed, so that a resurrected one
    /// simply stays. The same pass notes whether any of them has weakrefs or may have a finalizer, so the
    /// phases after it can skip a pass over a million plain lists.
    /// </summary>
    private List<PyObject> PromoteSurvivors(List<PyObject> young, int generation, int oldGen, out bool hasWeakrefs, out bool mayFinalize)
    {
        // One pass, not two: each object costs a cache miss, and a pass over a million is what CPython's
        // gc_list_merge does not pay (its lists are already split by move_unreachable).
        var promoted = 0;
        var unreachable = _unreachable;
        unreachable.EnsureCapacity(young.Count);
        var survivors = _gens[oldGen];
        hasWeakrefs = false;
        mayFinalize = false;
        foreach (var o in young)
        {
            o.Collecting = false;
            if (o.Unreachable)
            {
                unreachable.Add(o);
                hasWeakrefs |= o.Weakrefs is { Count: > 0 };
                mayFinalize |= o is PyInstance;
                continue;
            }

            promoted++;
            if (o is PyType { IsHeapType: true } type)
            {
                // untrack_tuples: its __bases__ tuple, (object,) or (Exception,), holds nothing tracked
                type.SurvivedCollection = true;
            }

            // A survivor's new generation is part of its state: the step records it, so a viewer that
            // steps through the deltas sees the promotion as a checkpoint would.
            if (o.Generation != oldGen)
            {
                interp.Recorder?.Touched(o);
            }

            if ((o is PyTuple t && !AnyMayBeTracked(t)) || (generation == Generations - 1 && o is PyDict d && !AnyMayBeTracked(d)))
            {
                o.Generation = -1;
                continue;
            }

            o.Generation = oldGen;
            survivors.Add(o);
        }

        if (generation == Generations - 2)
        {
            LongLivedPending += promoted;
        }

        if (generation == Generations - 1)
        {
            LongLivedPending = 0;
        }

        // The unreachable follow the survivors onto the older generation, in generation order, until they
        // are freed, so that one a finalizer resurrects simply stays there.
        foreach (var o in unreachable)
        {
            if (o.Generation != oldGen)
            {
                interp.Recorder?.Touched(o);
            }

            o.Generation = oldGen;
            survivors.Add(o);
        }

        return unreachable;
    }

    private static bool AnyMayBeTracked(PyTuple t)
    {
        foreach (var item in t.Items)
        {
            if (MayBeTracked(item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyMayBeTracked(PyDict d)
    {
        foreach (var (key, value) in d.Table.Entries())
        {
            if (MayBeTracked(key) || MayBeTracked(value!))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayBeTracked(PyObject o) => o.IsGcType && (o is not PyTuple || o.Generation >= 0);

    private static void Record(List<GcPhaseRecord>? phases, GcPhase phase, string description, List<PyObject> objects)
    {
        if (phases is null)
        {
            return;
        }

        var listed = Math.Min(objects.Count, MaxRecordedObjects);
        var states = new GcObjectState[listed];
        for (var i = 0; i < listed; i++)
        {
            states[i] = new GcObjectState(objects[i].Id, objects[i].GcRefs, objects[i].Unreachable);
        }

        phases.Add(new GcPhaseRecord(phase, description, states) { OmittedObjects = objects.Count - listed });
    }
}
