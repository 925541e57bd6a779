namespace Playground.Shared.Memory;

/// <summary>
/// Runs a script in the memory engine. On the server it calls the engine in-process; in the browser it
/// streams the same chunks over the SignalR hub.
/// </summary>
public interface IMemoryEngineService
{
    IAsyncEnumerable<MemoryTraceChunk> SimulateAsync(string source, CancellationToken cancellationToken = default);
}
