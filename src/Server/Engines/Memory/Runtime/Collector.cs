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
/// weakref callbacks and PEP 442 finalizers, re-checks for resurrection, and clears the rest (delete_garbage);
/// the phases are in Collector.Collection.cs.
/// </summary>
internal sealed partial class Collector(Interpreter interp)
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

    /// <summary>Wall-clock time spent in collections so far, callbacks included (what perf_counter() around gc.collect() sees).</summary>
    public TimeSpan Elapsed { get; private set; }

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
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
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
            Elapsed += System.Diagnostics.Stopwatch.GetElapsedTime(started);
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

    public int Generation(int g) => _gens[g].Count;

    public IReadOnlyList<PyObject> Objects(int g) => [.. _gens[g]];
}
