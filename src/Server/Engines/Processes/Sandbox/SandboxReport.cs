using Playground.Shared.Processes;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// The sandbox's account of one run: the layers in force, how it ended, which limits were hit, and
/// whether anything of the run survived the final kill (it should be zero; the tests assert it).
/// </summary>
public sealed record SandboxReport(
    SandboxLayers Layers,
    SandboxEnding Ending,
    int? ExitCode,
    int? Signal,
    TimeSpan WallTime,
    bool TimedOut,
    bool MemoryLimitHit,
    bool ProcessLimitHit,
    bool CpuTimeLimitHit,
    bool OutputTruncated,
    SandboxKillReason? KillReason,
    long OutputBytes,
    int Survivors,
    SandboxLimits Limits)
{
    /// <summary>How the run ended, in words a student reads, e.g. "process limit hit (96 processes); exit code 1".</summary>
    public string Summary
    {
        get
        {
            var words = new List<string>();
            switch (Ending)
            {
                case SandboxEnding.TimedOut:
                    words.Add($"timed out after {Seconds(Limits.WallTime)} s");
                    break;
                case SandboxEnding.OutputTruncated:
                    words.Add($"output truncated at {Size(Limits.OutputBytes)}");
                    break;
                case SandboxEnding.Killed:
                    words.Add(KillReason switch
                    {
                        SandboxKillReason.Deadlock => "stopped: deadlock",
                        SandboxKillReason.EventLimit => "stopped: too many events",
                        SandboxKillReason.Shutdown => "stopped: the server is shutting down",
                        _ => "killed by the user",
                    });
                    break;
            }
            if (MemoryLimitHit)
                words.Add($"memory limit hit ({Size(Limits.MemoryBytes)})");
            if (ProcessLimitHit)
                words.Add($"process limit hit ({Limits.MaxProcesses} processes)");
            if (CpuTimeLimitHit)
                words.Add($"CPU time limit hit ({Limits.CpuSeconds} s)");
            if (OutputTruncated && Ending != SandboxEnding.OutputTruncated)
                words.Add($"output truncated at {Size(Limits.OutputBytes)}");
            if (Ending is SandboxEnding.Exited or SandboxEnding.MemoryLimit or SandboxEnding.ProcessLimit or SandboxEnding.CpuTimeLimit or SandboxEnding.Signaled)
            {
                if (Signal is { } signal)
                    words.Add($"killed by signal {signal} ({Signals.Name(signal)})");
                else if (ExitCode is { } code)
                    words.Add(Ending == SandboxEnding.Exited && words.Count == 0 ? $"finished with exit code {code}" : $"exit code {code}");
            }
            if (Survivors > 0)
                words.Add($"{Survivors} process(es) survived the final kill");
            return string.Join("; ", words);
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
