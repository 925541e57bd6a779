using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// Reads the collector's state (gc.get_count(), gc.get_threshold(), gc.isenabled(), gc.garbage and the
/// long-lived counters of Modules/gcmodule.c) for the trace: in full for checkpoints, and for a step only
/// when something differs from what the trace last carried, so the common step costs no allocation.
/// </summary>
internal sealed class GcStateRecorder(Collector collector)
{
    private GcState _last = GcState.Initial;

    public GcState Snapshot()
    {
        _last = Read();
        return _last;
    }

    /// <summary>The state when it changed since the last snapshot or change, otherwise null.</summary>
    public GcState? Changed()
    {
        if (Unchanged())
        {
            return null;
        }

        _last = Read();
        return _last;
    }

    private bool Unchanged()
    {
        var garbage = collector.Garbage?.Items;
        if (_last.Enabled != collector.Enabled || _last.LongLivedTotal != collector.LongLivedTotal ||
            _last.LongLivedPending != collector.LongLivedPending || _last.GarbageIds.Count != (garbage?.Count ?? 0))
        {
            return false;
        }

        for (var g = 0; g < Collector.Generations; g++)
        {
            if (_last.Counts[g] != collector.Counts[g] || _last.Thresholds[g] != collector.Thresholds[g])
            {
                return false;
            }
        }

        for (var i = 0; i < _last.GarbageIds.Count; i++)
        {
            if (_last.GarbageIds[i] != garbage![i].Id)
            {
                return false;
            }
        }

        return true;
    }

    private GcState Read() => new(
        [.. collector.Counts],
        [.. collector.Thresholds],
        collector.Enabled,
        [.. collector.Garbage?.Items.Select(o => o.Id) ?? []],
        collector.LongLivedTotal,
        collector.LongLivedPending);
}
