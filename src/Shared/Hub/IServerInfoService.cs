namespace Playground.Shared.Hub;

/// <summary>Server information for the page; in-process on the server, over SignalR in the browser.</summary>
public interface IServerInfoService
{
    Task<ServerInfo> GetAsync(CancellationToken cancellationToken = default);
}
