using Playground.Engines.Processes.Sandbox;

namespace Playground.Engines.Processes;

/// <summary>Options of the process engine (bound from the "Processes" section); limits of the sandbox itself are in <see cref="SandboxLimits"/>.</summary>
public sealed class ProcessRunOptions
{
    public const string SectionName = "Processes";

    /// <summary>Runs at once on this server; the rest wait in line. 0 means one per core.</summary>
    public int MaxConcurrentRuns { get; set; }

    /// <summary>How long every live process must be blocked before the run is called deadlocked.</summary>
    public TimeSpan DeadlockAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wall time of a run in step mode, where the processes wait for a person's clicks: the sandbox's
    /// wall time (seconds) would end the run before a student has stepped through it. CPU time stays limited.
    /// </summary>
    public TimeSpan StepModeWallTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events a run may send in all; past it the run is stopped ("too many events").</summary>
    public long MaxEvents { get; set; } = 200_000;

    /// <summary>Events per second a run may send; the rest of that second's events are dropped and counted.</summary>
    public int MaxEventsPerSecond { get; set; } = 100_000;

    /// <summary>The folder holding sitecustomize.py and playground_instrument; default: next to this assembly.</summary>
    public string InstrumentationDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Instrumentation");
}
