using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Playground.Shared.Hub;
using Playground.Shared.Processes;

namespace Playground.Client.Services;

/// <summary>
/// The process engine over the SignalR hub, for pages running in WebAssembly. The page reads events as
/// fast as it folds them, however fast the processes make them: the server sends no more than the page
/// has asked for, and the page asks for a batch's worth more each time it comes back for the next update
/// (it has folded the last one by then). With <see cref="Window"/> events asked for ahead, one batch is
/// on its way while the page folds the other, and SignalR never has more than that to parse at once.
/// </summary>
public sealed class HubProcessEngineService(PlaygroundHubConnection hub) : IProcessEngineService
{
    /// <summary>The events asked for before the first update: two of the server's full batches.</summary>
    public const int Window = 200;

    public IAsyncEnumerable<ProcessRunUpdate> RunAsync(string source, string? startMethod, CancellationToken cancellationToken = default) =>
        StreamAsync(nameof(IPlaygroundHub.RunProcesses), source, startMethod, cancellationToken);

    public IAsyncEnumerable<ProcessRunUpdate> RunInStepModeAsync(string source, string? startMethod, CancellationToken cancellationToken = default) =>
        StreamAsync(nameof(IPlaygroundHub.RunProcessesInStepMode), source, startMethod, cancellationToken);

    private async IAsyncEnumerable<ProcessRunUpdate> StreamAsync(string method, string source, string? startMethod, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await hub.GetAsync(cancellationToken);
        var wanted = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        wanted.Writer.TryWrite(Window);
        try
        {
            await foreach (var update in connection.StreamAsync<ProcessRunUpdate>(method, source, startMethod, wanted.Reader, cancellationToken))
            {
                yield return update;
                // the page is back for the next update: this one's events are folded, there is room for as many again
                if (update.Events.Count > 0)
                {
                    wanted.Writer.TryWrite(update.Events.Count);
                }
            }
        }
        finally
        {
            wanted.Writer.TryComplete();
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
