using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// CPython 3.11's cyclic garbage collector (Modules/gcmodule.c). Three generations with thresholds
/// (700, 10, 10); gen0's count goes up when a GC object is allocated through the GC allocator
/// (_PyObject_GC_Link) and down when one is freed (PyObject_GC_Del). When it passes threshold0 the
/// collection runs inside the allocation (gc_collect_generations), collecting the oldest generation whose
/// count passed its threshold, except that gen2 waits until long_lived_pending > long_lived_total / 4.
/// A collection (gc_collect_main) copies refcounts into gc_refs (update_refs), subtracts internal
/// references (subtract_refs), moves what is left at zero to an unreachable list (move_unreachable), calls
/// weakref callbacks and PEP 442 finalizers, re-checks for resurrection, and clears the rest (delete_garbage).
/// </summary>
internal sealed class Collector(Interpreter interp)
{
    public const int Generations = 3;

    private readonly GcList[] _gens = [new(), new(), new()];
    private readonly HashSet<PyObject> _frozen = [];

    public int[] Thresholds { get; } = [700, 10, 10];

    public int[] Counts { get; } = [0, 0, 0];

    public bool Enabled { get; set; } = true;

    public bool Collecting { get; private set; }

    public long LongLivedTotal { get; private set; }

    public long LongLivedPending { get; private set; }

    public int FreezeCount => _frozen.Count;

    public PyList? CallbacksList { get; set; }

    public PyList? Garbage { get; set; }

    public void OnGcAlloc()
    {
        Counts[0]++;
        if (Counts[0] > Thresholds[0] && Enabled && Thresholds[0] != 0 && !Collecting)
        {
            CollectGenerations();
        }
    }

    public void OnGcDel()
    {
        if (Counts[0] > 0)
        {
            Counts[0]--;
        }
    }

    public void Track(PyObject o)
    {
        if (o.Generation >= 0)
        {
            return;
        }

        o.Generation = 0;
        _gens[0].Add(o);
    }

    public void Untrack(PyObject o)
    {
        if (o.Generation < 0)
        {
            return;
        }

        if (o.Generation == 3)
        {
            _frozen.Remove(o);
        }
        else
        {
            _gens[o.Generation].Remove(o);
        }

        o.Generation = -1;
    }

    public IEnumerable<PyObject> AllTracked() => _gens.SelectMany(g => g).Concat(_frozen);

    public void Freeze()
    {
        for (var g = 0; g < Generations; g++)
        {
            foreach (var o in _gens[g].ToList())
            {
                o.Generation = 3;
                _frozen.Add(o);
            }

            _gens[g].Clear();
            Counts[g] = 0;
        }
    }

    public void Unfreeze()
    {
        foreach (var o in _frozen)
        {
            o.Generation = 2;
            _gens[2].Add(o);
        }

        _frozen.Clear();
    }

    /// <summary>gc_collect_generations: the automatic choice of generation.</summary>
    private void CollectGenerations()
    {
        for (var i = Generations - 1; i >= 0; i--)
        {
            if (Counts[i] > Thresholds[i])
            {
                // Avoid quadratic behaviour: a full collection waits until enough new long-lived objects exist.
                if (i == Generations - 1 && LongLivedPending < LongLivedTotal / 4)
                {
                    continue;
                }

                CollectWithCallback(i, automatic: true);
                break;
            }
        }
    }

    /// <summary>gc_collect_with_callback: "start" and "stop" callbacks around gc_collect_main.</summary>
    public long CollectWithCallback(int generation, bool automatic)
    {
        if (Collecting)
        {
            return 0;
        }

        Collecting = true;
        try
        {
            InvokeCallbacks("start", generation, 0, 0);
            var (collected, uncollectable) = CollectMain(generation, automatic);
            InvokeCallbacks("stop", generation, collected, uncollectable);
            return collected + uncollectable;
        }
        finally
        {
            Collecting = false;
        }
    }

    private void InvokeCallbacks(string phase, int generation, int collected, int uncollectable)
    {
        if (CallbacksList is not { Items.Count: > 0 })
        {
            return;
        }

        var info = interp.NewDict();
        interp.DictSetString(info, "generation", interp.NewInt(generation));
        interp.DictSetString(info, "collected", interp.NewInt(collected));
        interp.DictSetString(info, "uncollectable", interp.NewInt(uncollectable));
        var phaseStr = interp.NewStr(phase);
        foreach (var cb in CallbacksList.Items.ToArray())
        {
            interp.Incref(cb, Why.Temporary);
            interp.Incref(phaseStr, Why.Temporary);
            interp.Incref(info, Why.Temporary);
            try
            {
                var r = interp.Call(cb, [phaseStr, info], null);
                interp.Decref(r, Why.Temporary);
            }
            catch (PyException)
            {
                // gc.callbacks errors are reported as unraisable in CPython; the collection goes on.
            }

            interp.Decref(cb, Why.Temporary);
        }

        interp.Decref(phaseStr, Why.Temporary);
        interp.Decref(info, Why.Temporary);
    }

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

        var young = new List<PyObject>();
        for (var g = 0; g <= generation; g++)
        {
            young.AddRange(_gens[g].ToList());
            _gens[g].Clear();
        }

        var oldGen = generation < Generations - 1 ? generation + 1 : generation;

        // update_refs
        foreach (var o in young)
        {
            o.GcRefs = o.RefCount;
            o.Collecting = true;
            o.Unreachable = false;
            o.Visited = false;
        }

        Record(phases, GcPhase.UpdateRefs, "gc_refs = ob_refcnt for every object of the generation", young);

        // subtract_refs
        var refs = new List<PyObject>();
        foreach (var o in young)
        {
            refs.Clear();
            o.Traverse(refs);
            foreach (var r in refs)
            {
                if (r.Collecting)
                {
                    r.GcRefs--;
                }
            }
        }

        Record(phases, GcPhase.SubtractRefs, "references from inside the generation subtracted: gc_refs > 0 means referenced from outside", young);

        // move_unreachable: objects with gc_refs > 0 are reachable, and so is everything they reach.
        var reachable = new List<PyObject>();
        var stack = new Stack<PyObject>();
        foreach (var o in young)
        {
            if (o.GcRefs > 0)
            {
                o.Unreachable = false;
                stack.Push(o);
            }
            else
            {
                o.Unreachable = true;
            }
        }

        while (stack.Count > 0)
        {
            var o = stack.Pop();
            if (o.Visited)
            {
                continue;
            }

            o.Visited = true;

            refs.Clear();
            o.Traverse(refs);
            foreach (var r in refs)
            {
                if (r.Collecting && r.Unreachable)
                {
                    r.Unreachable = false;
                    r.GcRefs = 1;
                }

                if (r.Collecting && !r.Visited)
                {
                    stack.Push(r);
                }
            }
        }

        var unreachable = new List<PyObject>();
        foreach (var o in young)
        {
            (o.Unreachable ? unreachable : reachable).Add(o);
        }

        Record(phases, GcPhase.MoveUnreachable, "objects still at gc_refs 0 and not reachable from outside are tentatively unreachable", young);

        // Survivors move to the next generation; untrack_tuples; untrack_dicts on full collections.
        foreach (var o in reachable)
        {
            o.Collecting = false;
            if (o is PyTuple t && !t.Items.Any(MayBeTracked))
            {
                o.Generation = -1;
                continue;
            }

            if (generation == Generations - 1 && o is PyDict d && !d.Table.Entries().Any(e => MayBeTracked(e.Key) || MayBeTracked(e.Value!)))
            {
                o.Generation = -1;
                continue;
            }

            o.Generation = oldGen;
            _gens[oldGen].Add(o);
        }

        if (generation == Generations - 2)
        {
            LongLivedPending += reachable.Count;
        }

        if (generation == Generations - 1)
        {
            LongLivedPending = 0;
        }

        foreach (var o in unreachable)
        {
            o.Collecting = false;
            o.Generation = oldGen;
            _gens[oldGen].Add(o);
        }

        // handle_weakrefs: clear weakrefs to trash; call callbacks of weakrefs that are not trash themselves.
        HashSet<PyObject>? trashSet = null;
        HashSet<PyObject> Trash() => trashSet ??= new HashSet<PyObject>(unreachable, ReferenceEqualityComparer.Instance);
        var callbacks = new List<PyWeakRef>();
        foreach (var o in unreachable)
        {
            if (o.Weakrefs is { Count: > 0 } wrs)
            {
                foreach (var w in wrs.ToArray())
                {
                    w.Referent = null;
                    if (w.Callback != null && !Trash().Contains(w))
                    {
                        interp.Incref(w, Why.Temporary);
                        callbacks.Add(w);
                    }
                    else if (w.Callback != null)
                    {
                        var cb = w.Callback;
                        w.Callback = null;
                        interp.Decref(cb, Why.GcClear);
                    }
                }

                wrs.Clear();
            }
        }

        Record(phases, GcPhase.Weakrefs, $"weakrefs to unreachable objects cleared; {callbacks.Count} callback(s) to call", unreachable);
        var freedWeakrefs = 0;
        foreach (var w in callbacks)
        {
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
            }

            interp.Decref(cb, Why.Temporary);
            if (w.RefCount == 1)
            {
                freedWeakrefs++;
            }

            interp.Decref(w, Why.Temporary);
        }

        // finalize_garbage: PEP 442 __del__ once per object.
        foreach (var o in unreachable.ToArray())
        {
            if (o is PyInstance inst && !inst.Finalized && inst.Type.Lookup("__del__") is PyFunction)
            {
                inst.Finalized = true;
                interp.Incref(inst, Why.Temporary);
                interp.CallDel(inst);
                interp.Decref(inst, Why.Temporary);
            }
        }

        Record(phases, GcPhase.Finalizers, "__del__ called on unreachable objects that define it (PEP 442)", unreachable);

        // handle_resurrected_objects: re-run the analysis on the unreachable set only.
        var stillTracked = unreachable.Where(o => o.Generation >= 0).ToList();
        foreach (var o in stillTracked)
        {
            o.GcRefs = o.RefCount;
            o.Collecting = true;
            o.Visited = false;
        }

        foreach (var o in stillTracked)
        {
            refs.Clear();
            o.Traverse(refs);
            foreach (var r in refs)
            {
                if (r.Collecting)
                {
                    r.GcRefs--;
                }
            }
        }

        var resurrectedCount = 0;
        var work = new Stack<PyObject>(stillTracked.Where(o => o.GcRefs > 0));
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
            o.Traverse(refs);
            foreach (var r in refs)
            {
                if (r.Collecting && !r.Visited)
                {
                    work.Push(r);
                }
            }
        }

        var final = new List<PyObject>(stillTracked.Count - resurrectedCount);
        foreach (var o in stillTracked)
        {
            o.Collecting = false;
            o.Unreachable = !o.Visited;
            if (!o.Visited)
            {
                final.Add(o);
            }
        }


        Record(phases, GcPhase.ResurrectionCheck, $"{resurrectedCount} object(s) resurrected by finalizers survive", stillTracked);

        // delete_garbage: tp_clear on each object; refcounting frees the cycle.
        foreach (var o in final)
        {
            interp.Incref(o, Why.Temporary);
        }

        foreach (var o in final)
        {
            if (o.Generation >= 0)
            {
                interp.ClearForGc(o);
            }
        }

        Record(phases, GcPhase.DeleteGarbage, $"{final.Count} object(s) cleared with tp_clear", final);
        foreach (var o in stillTracked)
        {
            o.Unreachable = false;
        }

        foreach (var o in final)
        {
            interp.Decref(o, Why.Temporary);
        }

        if (generation == Generations - 1)
        {
            LongLivedTotal = _gens[2].Count;
            interp.ClearFreeLists();
        }

        var collected = final.Count + freedWeakrefs;
        if (phases != null)
        {
            interp.Recorder!.Collection(new GcCollection(generation, automatic, phases, collected, 0));
        }

        return (collected, 0);
    }

    private static bool MayBeTracked(PyObject o) => o.IsGcType && (o is not PyTuple || o.Generation >= 0);

    private static void Record(List<GcPhaseRecord>? phases, GcPhase phase, string description, List<PyObject> objects)
    {
        phases?.Add(new GcPhaseRecord(phase, description,
            objects.Select(o => new GcObjectState(o.Id, o.GcRefs, o.Unreachable)).ToList()));
    }

    public int Generation(int g) => _gens[g].Count;

    public IReadOnlyList<PyObject> Objects(int g) => _gens[g].ToList();
}
