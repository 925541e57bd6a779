using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR.Client;
using Playground.Shared.Hub;
using Playground.Shared.Memory;

namespace Playground.Client.Services;

/// <summary>The memory engine over the SignalR hub, for pages running in WebAssembly.</summary>
public sealed class HubMemoryEngineService(PlaygroundHubConnection hub) : IMemoryEngineService
{
    public async IAsyncEnumerable<MemoryTraceChunk> SimulateAsync(string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await hub.GetAsync(cancellationToken);
        await foreach (var chunk in connection.StreamAsync<MemoryTraceChunk>(nameof(IPlaygroundHub.Simulate), source, cancellationToken))
        {
            yield return chunk;
        }
    }
}
