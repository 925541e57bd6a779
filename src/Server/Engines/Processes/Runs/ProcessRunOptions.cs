namespace Playground.Engines.Processes.Runs;

/// <summary>
/// Caps on a run's event stream (bound from configuration section "Playground:Processes:Events"). The
/// sandbox's own limits (processes, memory, CPU, wall time, output) are <see cref="Sandbox.SandboxLimits"/>.
/// </summary>
public sealed class ProcessRunOptions
{
    /// <summary>Events passed on per run; the rest are counted and dropped.</summary>
    public long MaxEvents { get; set; } = 200_000;

    /// <summary>Events passed on per second of a run; a burst beyond it is dropped and counted.</summary>
    public int MaxEventsPerSecond { get; set; } = 100_000;

    /// <summary>The longest event line read; longer ones are skipped whole.</summary>
    public int MaxEventLineBytes { get; set; } = 16 * 1024;

    /// <summary>Concurrent connections to the event socket (one per process of the run).</summary>
    public int MaxConnections { get; set; } = 128;
}
