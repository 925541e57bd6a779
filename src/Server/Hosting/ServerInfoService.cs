using Playground.Shared.Hub;

namespace Playground.Server.Hosting;

/// <summary>The server's own <see cref="IServerInfoService"/>, used by the hub and by pages rendered on the server.</summary>
public sealed class ServerInfoService(PythonRuntime python, StorageSelection storage) : IServerInfoService
{
    public async Task<ServerInfo> GetAsync(CancellationToken cancellationToken = default) =>
        new(Client.PlaygroundVersion.Current, await python.GetVersionAsync(), storage.DisplayName);
}
