using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The second half of gc_collect_main (Modules/gcmodule.c, CPython 3.11): what happens to the unreachable
/// objects. handle_weakrefs clears weak references to them and calls the callbacks of weakrefs that are not
/// garbage themselves; finalize_garbage calls each PEP 442 finalizer (__del__) once; because that is Python
/// code that may store a reference somewhere reachable, handle_resurrected_objects runs the reachability
/// analysis again on the unreachable objects alone; delete_garbage calls tp_clear on what is still garbage,
/// and reference counting frees it.
/// </summary>
internal sealed partial class Collector
{
    /// <summary>
    /// handle_weakrefs. Returns the weakrefs the callbacks freed (counted as collected, as CPython does) and
    /// whether Python code ran (a callback, or dropping a callback that may free objects).
    /// </summary>
    private (int FreedWeakrefs, bool RanCode) HandleWeakrefs(List<PyObject> unreachable, bool hasWeakrefs, List<GcPhaseRecord>? phases)
    {
        // Every object of the collection still carries its Unreachable flag here, so "is this weakref trash"
        // is a flag test rather than a set lookup.
        var callbacks = _weakrefCallbacks;
        var ranCode = false;
        foreach (var o in hasWeakrefs ? unreachable : [])
        {
            if (o.Weakrefs is not { Count: > 0 } wrs)
            {
                continue;
            }

            foreach (var w in wrs.ToArray())
            {
                w.Referent = null;
                if (w.Callback != null && !w.Unreachable)
                {
                    interp.Incref(w, Why.Temporary);
                    callbacks.Add(w);
                }
                else if (w.Callback != null)
                {
                    var cb = w.Callback;
                    w.Callback = null;
                    ranCode = true;
                    interp.Decref(cb, Why.GcClear);
                }
            }

            wrs.Clear();
        }

        Record(phases, GcPhase.Weakrefs, $"weakrefs to unreachable objects cleared; {Count(callbacks.Count, "callback")} to call", unreachable);
        var freedWeakrefs = 0;
        foreach (var w in callbacks)
        {
            ranCode = true;
            var cb = w.Callback!;
            interp.Incref(cb, Why.Temporary);
            interp.Incref(w, Why.Argument, "the weakref callback");
            try
            {
                var r = interp.Call(cb, [w], null);
                interp.Decref(r, Why.Temporary);
            }
            catch (PyException)
            {
                // Reported as unraisable in CPython; the collection goes on.
            }

            interp.Decref(cb, Why.Temporary);
            if (w.RefCount == 1)
            {
                freedWeakrefs++;
            }

            interp.Decref(w, Why.Temporary);
        }

        return (freedWeakrefs, ranCode);
    }

    /// <summary>finalize_garbage: __del__ once per object (PEP 442's tp_finalize). Returns whether any ran.</summary>
    private bool FinalizeGarbage(List<PyObject> unreachable)
    {
        var ran = false;
        for (var i = 0; i < unreachable.Count; i++)
        {
            if (unreachable[i] is PyInstance inst && !inst.Finalized && inst.Type.Lookup("__del__") is PyFunction)
            {
                ran = true;
                inst.Finalized = true;
                interp.Incref(inst, Why.HeldByCollector);
                interp.CallDel(inst);
                interp.Decref(inst, Why.HeldByCollector);
            }
        }

        return ran;
    }

    /// <summary>
    /// handle_resurrected_objects: update_refs and subtract_refs again on the unreachable objects still
    /// tracked, and whatever is referenced from outside them now (and all it reaches) survives. When no
    /// Python code ran since move_unreachable no count can have changed, every gc_refs is still 0 and
    /// nothing is resurrected, so the passes are skipped: the answer is the same. Returns what is still garbage.
    /// </summary>
    private List<PyObject> HandleResurrected(List<PyObject> unreachable, bool ranCode, List<GcPhaseRecord>? phases)
    {
        if (!ranCode)
        {
            Record(phases, GcPhase.ResurrectionCheck, "no finalizer ran: no object is resurrected", unreachable);
            return unreachable;
        }

        var stillTracked = _stack;
        stillTracked.Clear();
        foreach (var o in unreachable)
        {
            if (o.Generation >= 0)
            {
                stillTracked.Add(o);
            }
        }

        foreach (var o in stillTracked)
        {
            o.GcRefs = o.RefCount;
            o.Collecting = true;
            o.Visited = false;
        }

        SubtractRefs(stillTracked);
        var resurrectedCount = 0;
        var work = new Stack<PyObject>();
        foreach (var o in stillTracked)
        {
            if (o.GcRefs > 0)
            {
                work.Push(o);
            }
        }

        var refs = _refs;
        while (work.Count > 0)
        {
            var o = work.Pop();
            if (o.Visited)
            {
                continue;
            }

            o.Visited = true;
            resurrectedCount++;
            refs.Clear();
            o.TraverseForCollector(refs);
            foreach (var r in refs)
            {
                if (r.Collecting && !r.Visited)
                {
                    work.Push(r);
                }
            }
        }

        foreach (var o in stillTracked)
        {
            o.Collecting = false;
            o.Unreachable = !o.Visited;
            if (!o.Visited)
            {
                _final.Add(o);
            }
        }

        Record(phases, GcPhase.ResurrectionCheck, $"{Count(resurrectedCount, "object")} resurrected by finalizers {(resurrectedCount == 1 ? "survives" : "survive")}", stillTracked);
        return _final;
    }

    /// <summary>
    /// delete_garbage (Modules/gcmodule.c, 3.11) takes the collectable objects one at a time: Py_INCREF,
    /// tp_clear, Py_DECREF. Clearing the first object of a cycle usually drops the last reference to the
    /// next one, which is freed inside that tp_clear (and leaves the collectable list, so the loop never
    /// reaches it), before the first object itself is freed by the final Py_DECREF. The order objects are
    /// freed in decides which block or free-list slot the next allocation gets, so it is modelled exactly:
    /// holding every object first and letting go of them all at the end would free them in list order.
    /// An object still alive after its tp_clear stays in the older generation, as CPython moves it there.
    /// Unreachable flags are reset on every object the collection looked at.
    /// </summary>
    private void DeleteGarbage(List<PyObject> final, List<PyObject> unreachable, List<GcPhaseRecord>? phases)
    {
        var cleared = 0;
        foreach (var o in final)
        {
            // Freed by an earlier object's tp_clear: its dealloc untracked it, as gc_list_remove does.
            if (o.Generation < 0 || o.RefCount <= 0)
            {
                continue;
            }

            cleared++;
            interp.Incref(o, Why.HeldByCollector);
            interp.ClearForGc(o);
            interp.Decref(o, Why.HeldByCollector);
        }

        Record(phases, GcPhase.DeleteGarbage, $"{Count(cleared, "object")} cleared with tp_clear; the rest freed as {(cleared == 1 ? "it lets" : "they let")} go of them", final);

        // final is the part of unreachable that no finalizer resurrected, so one pass resets them all.
        foreach (var o in unreachable)
        {
            o.Unreachable = false;
        }
    }

    /// <summary>"1 object", "3 objects": a phase's words say how many as a student would.</summary>
    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
