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

    /// <summary>Throws when an option cannot work (called at start-up by the options validation).</summary>
    public void Validate()
    {
        if (MaxConcurrentRuns < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRuns), MaxConcurrentRuns, "The number of concurrent runs is 0 (one per core) or more.");
        if (DeadlockAfter <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DeadlockAfter), DeadlockAfter, "The deadlock threshold must be positive.");
        if (StepModeWallTime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(StepModeWallTime), StepModeWallTime, "The wall time in step mode must be positive.");
        if (MaxEvents < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxEvents), MaxEvents, "A run must be allowed at least one event.");
        if (MaxEventsPerSecond < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxEventsPerSecond), MaxEventsPerSecond, "A run must be allowed at least one event per second.");
        if (string.IsNullOrWhiteSpace(InstrumentationDirectory))
            throw new ArgumentException("The instrumentation directory is not set.", nameof(InstrumentationDirectory));
    }
}
