namespace Playground.Shared.Memory;

/// <summary>
/// One run of CPython 3.11's collector (Modules/gcmodule.c, gc_collect_main), phase by phase.
/// <see cref="Collected"/> and <see cref="Uncollectable"/> are the numbers gc.callbacks receive;
/// gc.collect() returns their sum.
/// </summary>
public sealed record GcCollection(
    int Generation,
    bool Automatic,
    IReadOnlyList<GcPhaseRecord> Phases,
    int Collected,
    int Uncollectable)
{
    /// <summary>
    /// The callables in gc.callbacks when this collection ran, as their reprs, in the order they were
    /// called (each once with "start" before the phases and once with "stop" after them, by
    /// gc_collect_with_callback in Modules/gcmodule.c); empty when the script registered none.
    /// </summary>
    public IReadOnlyList<string> Callbacks { get; init; } = [];
}

/// <summary>
/// The state after one phase: the objects it looked at, their gc_refs where the phase computes them, and
/// the objects it found unreachable so far.
/// </summary>
public sealed record GcPhaseRecord(
    GcPhase Phase,
    string Description,
    IReadOnlyList<GcObjectState> Objects)
{
    /// <summary>
    /// How many objects the phase looked at beyond those listed: a huge collection lists only the first
    /// objects of each phase, as many as a student could look at.
    /// </summary>
    public int OmittedObjects { get; init; }
}

/// <summary>An object inside a collection: its gc_refs and whether it is (tentatively) unreachable.</summary>
public sealed record GcObjectState(long Id, long GcRefs, bool Unreachable);

/// <summary>The phases of gc_collect_main, named as in Modules/gcmodule.c.</summary>
public enum GcPhase
{
    UpdateRefs,
    SubtractRefs,
    MoveUnreachable,
    Finalizers,
    ResurrectionCheck,
    Weakrefs,
    DeleteGarbage,
}
