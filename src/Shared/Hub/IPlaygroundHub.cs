namespace Playground.Shared.Hub;

/// <summary>
/// The SignalR hub's methods, as the browser calls them. The engines' traffic (memory traces,
/// process events) is added here as streams (<see cref="IAsyncEnumerable{T}"/>).
/// </summary>
public interface IPlaygroundHub
{
    Task<ServerInfo> GetServerInfo();
}
