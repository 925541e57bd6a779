using Xunit;
using Playground.Engines.Memory;
using Playground.Shared.Memory;

namespace Playground.Tests.Unit.Engines.Memory.Runtime;

/// <summary>The collector's phases on small graphs, read from the recorded trace.</summary>
public sealed class CollectorTests
{
    private static GcCollection LastCollection(string source)
    {
        var trace = MemorySimulator.Run(source, new SimulationOptions());
        Assert.Equal(RunOutcome.Completed, trace.Outcome);
        return trace.Steps.SelectMany(s => s.Collections).Last();
    }

    [Fact]
    public void Subtract_refs_leaves_zero_for_a_pair_only_referencing_each_other()
    {
        var collection = LastCollection("import gc\nclass N:\n    pass\na = N()\nb = N()\na.p = b\nb.p = a\ndel a, b\ngc.collect()\n");
        var update = collection.Phases.Single(p => p.Phase == GcPhase.UpdateRefs);
        var subtract = collection.Phases.Single(p => p.Phase == GcPhase.SubtractRefs);
        var unreachable = collection.Phases.Single(p => p.Phase == GcPhase.MoveUnreachable).Objects.Where(o => o.Unreachable).ToList();

        Assert.Equal(2, unreachable.Count);
        Assert.All(unreachable, o => Assert.Equal(1, update.Objects.Single(u => u.Id == o.Id).GcRefs));
        Assert.All(unreachable, o => Assert.Equal(0, subtract.Objects.Single(u => u.Id == o.Id).GcRefs));
        Assert.Equal(2, collection.Collected);
    }

    [Fact]
    public void An_outside_reference_keeps_the_whole_cycle_reachable()
    {
        var collection = LastCollection("import gc\na = []\nb = [a]\na.append(b)\nkeep = b\ndel a\ngc.collect()\n");
        var move = collection.Phases.Single(p => p.Phase == GcPhase.MoveUnreachable);
        Assert.DoesNotContain(move.Objects, o => o.Unreachable);
        Assert.Equal(0, collection.Collected);
    }

    [Fact]
    public void Phases_run_in_gc_collect_main_order()
    {
        var collection = LastCollection("import gc\nl = []\nl.append(l)\ndel l\ngc.collect()\n");
        Assert.Equal(
            [GcPhase.UpdateRefs, GcPhase.SubtractRefs, GcPhase.MoveUnreachable, GcPhase.Weakrefs, GcPhase.Finalizers, GcPhase.ResurrectionCheck, GcPhase.DeleteGarbage],
            collection.Phases.Select(p => p.Phase));
        Assert.Equal(1, collection.Collected);
        Assert.Equal(2, collection.Generation);
        Assert.False(collection.Automatic);
    }

    [Fact]
    public void Crossing_threshold0_collects_generation_zero_automatically()
    {
        var trace = MemorySimulator.Run("import gc\ngc.set_threshold(10, 10, 10)\nkeep = []\nfor i in range(30):\n    keep.append([])\n", new SimulationOptions());
        var automatic = trace.Steps.SelectMany(s => s.Collections).Where(c => c.Automatic).ToList();
        Assert.NotEmpty(automatic);
        Assert.All(automatic, c => Assert.Equal(0, c.Generation));
    }

    [Fact]
    public void The_collector_s_own_hold_during_tp_clear_is_said_as_such_not_as_the_evaluation_stack()
    {
        var trace = MemorySimulator.Run("import gc\nclass N:\n    pass\na = N()\nb = N()\na.p = b\nb.p = a\ndel a, b\ngc.collect()\nprint(1)\n", new SimulationOptions());
        var collect = trace.Steps.Single(s => s.Collections.Count > 0);
        var cycle = collect.Freed.Where(f => f.Type == "N").Select(f => f.ObjectId).ToHashSet();

        // delete_garbage: Py_INCREF(op); tp_clear(op); Py_DECREF(op), for one of the two (the other is freed by it)
        var held = collect.RefCountChanges.Where(c => c.Why == RefCountWhy.HeldByCollector).ToList();
        Assert.Equal([1, -1], held.Select(c => c.Delta));
        Assert.All(held, c => Assert.Contains(c.ObjectId, cycle));
        Assert.Equal("held by the collector while it calls __del__ or tp_clear", held[0].Reason);
        Assert.Contains("1 object cleared with tp_clear; the rest freed as it lets go of them",
            collect.Collections.Single().Phases.Single(p => p.Phase == GcPhase.DeleteGarbage).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resurrected_object_is_not_counted_as_collected()
    {
        var collection = LastCollection("import gc\nsaved = []\nclass P:\n    def __del__(self):\n        saved.append(self)\np = P()\np.me = p\ndel p\ngc.collect()\n");
        Assert.Equal(0, collection.Collected);
        Assert.Contains("1 object resurrected by finalizers survives", collection.Phases.Single(p => p.Phase == GcPhase.ResurrectionCheck).Description, StringComparison.Ordinal);
    }
}
