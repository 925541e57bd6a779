namespace Playground.Engines.Processes;

/// <summary>One script to run: its source, step mode, and the default start method (fork, spawn, forkserver; null keeps Python's).</summary>
public sealed record ProcessRunRequest(string Source, bool StepMode = false, string? StartMethod = null)
{
    public static readonly IReadOnlySet<string> StartMethods = new HashSet<string>(StringComparer.Ordinal) { "fork", "spawn", "forkserver" };
}
