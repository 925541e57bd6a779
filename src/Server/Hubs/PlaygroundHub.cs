using Microsoft.AspNetCore.SignalR;
using Playground.Shared.Hub;

namespace Playground.Server.Hubs;

/// <summary>The browser's way in to the engines: every call of <see cref="IPlaygroundHub"/> lands here.</summary>
public sealed class PlaygroundHub(IServerInfoService serverInfo) : Hub, IPlaygroundHub
{
    public Task<ServerInfo> GetServerInfo() => serverInfo.GetAsync(Context.ConnectionAborted);
}
