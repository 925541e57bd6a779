using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR.Client;
using Playground.Shared.Hub;
using Playground.Shared.Processes;

namespace Playground.Client.Services;

/// <summary>The process engine over the SignalR hub, for pages running in WebAssembly.</summary>
public sealed class HubProcessEngineService(PlaygroundHubConnection hub) : IProcessEngineService
{
    public async IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await hub.GetAsync(cancellationToken);
        await foreach (var update in connection.StreamAsync<ProcessRunUpdate>(nameof(IPlaygroundHub.RunProcesses), source, startMethod, cancellationToken))
        {
            yield return update;
        }
    }
}
