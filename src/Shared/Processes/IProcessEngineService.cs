namespace Playground.Shared.Processes;

/// <summary>
/// Runs a multiprocessing script in real processes on the server. Events come in batches as the
/// processes run; the last update carries the <see cref="RunResult"/>. Cancelling the enumeration (the
/// page closed, or Stop) kills the run.
/// </summary>
public interface IProcessEngineService
{
    IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, CancellationToken cancellationToken = default);
}

/// <summary>
/// A batch of events as they arrived, and at the end how the run ended. While the server is full the
/// run waits in line, and updates carry its <see cref="QueuePlace"/> (1 = next); null once it runs.
/// </summary>
public sealed record ProcessRunUpdate(IReadOnlyList<ProcessEvent> Events, RunResult? Result, int? QueuePlace = null);
