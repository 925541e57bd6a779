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

    public async IAsyncEnumerable<ProcessRunUpdate> RunInStepModeAsync(string source, string? startMethod, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await hub.GetAsync(cancellationToken);
        await foreach (var update in connection.StreamAsync<ProcessRunUpdate>(nameof(IPlaygroundHub.RunProcessesInStepMode), source, startMethod, cancellationToken))
        {
            yield return update;
        }
    }

    public async Task<bool> GrantStepAsync(int pid, CancellationToken cancellationToken = default)
    {
        var connection = await hub.GetAsync(cancellationToken);
        return await connection.InvokeAsync<bool>(nameof(IPlaygroundHub.GrantStep), pid, cancellationToken);
    }

    public async Task LeaveStepModeAsync(int? pid, CancellationToken cancellationToken = default)
    {
        var connection = await hub.GetAsync(cancellationToken);
        await connection.InvokeAsync(nameof(IPlaygroundHub.LeaveStepMode), pid, cancellationToken);
    }
}
