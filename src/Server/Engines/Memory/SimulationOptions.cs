namespace Playground.Engines.Memory;

/// <summary>
/// Limits of one simulated run (bound from configuration section "Memory:Simulation" by the host).
/// Null means no limit, which is what the command line uses unless a flag is given.
/// </summary>
public sealed class SimulationOptions
{
    public const string SectionName = "Memory:Simulation";

    /// <summary>Executed lines before the run stops.</summary>
    public long? MaxSteps { get; set; } = 200_000;

    /// <summary>Live objects before the run stops.</summary>
    public long? MaxObjects { get; set; } = 100_000;

    /// <summary>
    /// Bytes one object may take (<c>'a' * n</c>, <c>[0] * n</c>, big powers), checked before it is built.
    /// </summary>
    public long? MaxObjectBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Source size in characters.</summary>
    public int? MaxSourceLength { get; set; } = 64 * 1024;

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan? WallTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Record the trace (steps, reasons, checkpoints). Off for plain output runs, which are faster.</summary>
    public bool RecordTrace { get; set; } = true;

    /// <summary>The fewest steps between two full heap checkpoints (more when the heap is big: see TraceRecorder).</summary>
    public int CheckpointInterval { get; set; } = 100;

    /// <summary>The file name shown in tracebacks.</summary>
    public string FileName { get; set; } = "<playground>";

    /// <summary>No limits at all: the command line's default.</summary>
    public static SimulationOptions Unlimited() => new()
    {
        MaxSteps = null,
        MaxObjects = null,
        MaxObjectBytes = null,
        MaxSourceLength = null,
        WallTime = null,
    };
}
