namespace Playground.Shared.Hub;

public static class HubRoutes
{
    /// <summary>Where the server maps the playground's SignalR hub.</summary>
    public const string Playground = "/hubs/playground";
}
