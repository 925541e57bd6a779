using Microsoft.AspNetCore.SignalR.Client;
using Playground.Shared.Hub;

namespace Playground.Client.Services;

/// <summary>Server information over SignalR, for pages running in WebAssembly.</summary>
public sealed class HubServerInfoService(PlaygroundHubConnection hub) : IServerInfoService
{
    public async Task<ServerInfo> GetAsync(CancellationToken cancellationToken = default)
    {
        var connection = await hub.GetAsync(cancellationToken);
        return await connection.InvokeAsync<ServerInfo>(nameof(IPlaygroundHub.GetServerInfo), cancellationToken);
    }
}
