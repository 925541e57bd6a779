using Playground.Client.Components.Processes.Locks;
using Playground.Client.Components.Processes.Pools;
using Playground.Client.Components.Processes.SharedValues;
using Playground.Client.Components.Processes.StepMode;
using Playground.Client.Components.Processes.Summary;
using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes;

/// <summary>
/// The views of a run beside its lanes, each folded from the same events as they arrive: pending steps,
/// locks, shared values, the pool's tasks and the per-process summary. Every process gets the colour
/// index its lane does (<see cref="LanePalette.IndexFor"/>), so colours agree.
/// </summary>
public sealed class RunDetails
{
    private readonly Dictionary<int, int> _order = [];

    public PendingSteps Steps { get; } = new();

    public LockHistory Locks { get; } = new();

    public SharedValueHistory Values { get; } = new();

    public PoolTasks Pool { get; } = new();

    public ProcessSummary Summary { get; } = new();

    /// <summary>The first and the last timestamp seen (the machine's monotonic clock, seconds): the charts' time axis.</summary>
    public double Start { get; private set; } = double.MaxValue;

    public double End { get; private set; }

    /// <summary>The colour index of a process (by its name's number, <see cref="LanePalette.IndexFor"/>).</summary>
    public int IndexOf(int pid) => _order.TryGetValue(pid, out var index) ? index : 0;

    public void Apply(IEnumerable<ProcessEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (!_order.ContainsKey(e.Pid))
            {
                _order[e.Pid] = LanePalette.IndexFor(e.Name, _order.Count);
            }

            Start = Math.Min(Start, e.Timestamp);
            End = Math.Max(End, e.Timestamp);
            Steps.Apply(e);
            Locks.Apply(e);
            Values.Apply(e);
            Pool.Apply(e);
            Summary.Apply(e);
        }
    }
}
