using Microsoft.AspNetCore.SignalR;
using Playground.Shared.Hub;
using Playground.Shared.Memory;

namespace Playground.Server.Hubs;

/// <summary>The browser's way in to the engines: every call of <see cref="IPlaygroundHub"/> lands here.</summary>
public sealed class PlaygroundHub(IServerInfoService serverInfo, IMemoryEngineService memory) : Hub, IPlaygroundHub
{
    public Task<ServerInfo> GetServerInfo() => serverInfo.GetAsync(Context.ConnectionAborted);

    public IAsyncEnumerable<MemoryTraceChunk> Simulate(string source, CancellationToken cancellationToken) =>
        memory.SimulateAsync(source, cancellationToken);
}
