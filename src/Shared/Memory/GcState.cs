namespace Playground.Shared.Memory;

/// <summary>
/// The cyclic collector's own state after a step, as the gc module shows it in CPython 3.11
/// (Modules/gcmodule.c, struct _gc_runtime_state in Include/internal/pycore_gc.h):
/// <see cref="Counts"/> is gc.get_count() (gen0 counts allocations minus deallocations of GC objects,
/// gen1 and gen2 count collections of the generation below), <see cref="Thresholds"/> is
/// gc.get_threshold(), <see cref="Enabled"/> is gc.isenabled(), <see cref="GarbageIds"/> are the objects in
/// gc.garbage. <see cref="LongLivedTotal"/> and <see cref="LongLivedPending"/> are the numbers behind 3.11's
/// rule that a full collection waits until pending &gt; total / 4 (gc_collect_generations), so that
/// programs that build large long-lived structures do not pay a quadratic cost.
/// </summary>
public sealed record GcState(
    IReadOnlyList<int> Counts,
    IReadOnlyList<int> Thresholds,
    bool Enabled,
    IReadOnlyList<long> GarbageIds,
    long LongLivedTotal,
    long LongLivedPending)
{
    /// <summary>The collector of a fresh CPython 3.11 interpreter: nothing counted, thresholds (700, 10, 10).</summary>
    public static GcState Initial { get; } = new([0, 0, 0], [700, 10, 10], true, [], 0, 0);

    /// <summary>Whether the full collection is allowed by the long-lived rule (pending > total / 4).</summary>
    public bool FullCollectionAllowed => LongLivedPending >= LongLivedTotal / 4;

    /// <summary>Field by field, lists by their items (records compare lists by reference).</summary>
    public bool SameAs(GcState? other) =>
        other is not null && Enabled == other.Enabled && LongLivedTotal == other.LongLivedTotal &&
        LongLivedPending == other.LongLivedPending && Counts.SequenceEqual(other.Counts) &&
        Thresholds.SequenceEqual(other.Thresholds) && GarbageIds.SequenceEqual(other.GarbageIds);
}
