namespace Playground.Shared.Processes;

/// <summary>
/// Runs a multiprocessing script in real processes on the server. Events come in batches as the
/// processes run; the last update carries the <see cref="RunResult"/>. Cancelling the enumeration (the
/// page closed, or Stop) kills the run.
/// </summary>
public interface IProcessEngineService
{
    IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, CancellationToken cancellationToken = default);

    /// <summary>
    /// A run in step mode: every instrumented operation waits (a <c>step.wait</c> event names it) until
    /// this client grants it with <see cref="GrantStepAsync"/>.
    /// </summary>
    IAsyncEnumerable<ProcessRunUpdate> RunInStepModeAsync(string source, string? startMethod, CancellationToken cancellationToken = default);

    /// <summary>Lets process <paramref name="pid"/> of this client's own run do its pending step; false when it waits for none.</summary>
    Task<bool> GrantStepAsync(int pid, CancellationToken cancellationToken = default);

    /// <summary>Takes process <paramref name="pid"/> (every process when null) of this client's run out of step mode.</summary>
    Task LeaveStepModeAsync(int? pid, CancellationToken cancellationToken = default);
}

/// <summary>
/// A batch of events as they arrived, and at the end how the run ended. While the server is full the
/// run waits in line, and updates carry its <see cref="QueuePlace"/> (1 = next); null once it runs.
/// </summary>
public sealed record ProcessRunUpdate(
    [property: System.Text.Json.Serialization.JsonConverter(typeof(ProcessEventBatchJsonConverter))] IReadOnlyList<ProcessEvent> Events,
    RunResult? Result,
    int? QueuePlace = null);
