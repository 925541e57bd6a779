namespace Playground.Shared.Hub;

/// <summary>
/// The SignalR hub's methods, as the browser calls them. The engines' traffic (memory traces,
/// process events) is added here as streams (<see cref="IAsyncEnumerable{T}"/>).
/// </summary>
public interface IPlaygroundHub
{
    Task<ServerInfo> GetServerInfo();

    /// <summary>Runs a script in the memory engine; the trace comes back in chunks.</summary>
    IAsyncEnumerable<Memory.MemoryTraceChunk> Simulate(string source, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a multiprocessing script in the sandbox; events come in batches as the processes run, no
    /// more of them than the caller has asked for on <paramref name="wanted"/> (each number: room for
    /// that many more events).
    /// </summary>
    IAsyncEnumerable<Processes.ProcessRunUpdate> RunProcesses(string source, string? startMethod, System.Threading.Channels.ChannelReader<int> wanted, CancellationToken cancellationToken);

    /// <summary>The same in step mode; the caller grants steps with <see cref="GrantStep"/>.</summary>
    IAsyncEnumerable<Processes.ProcessRunUpdate> RunProcessesInStepMode(string source, string? startMethod, System.Threading.Channels.ChannelReader<int> wanted, CancellationToken cancellationToken);

    /// <summary>Grants the pending step of a process of the caller's own run (never another connection's).</summary>
    Task<bool> GrantStep(int pid);

    /// <summary>Takes a process (all when null) of the caller's own run out of step mode.</summary>
    Task LeaveStepMode(int? pid);
}
