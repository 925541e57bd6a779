using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Playground.Engines.Processes;
using Playground.Server.EngineServices;
using Playground.Shared.Hub;
using Playground.Shared.Memory;
using Playground.Shared.Processes;

namespace Playground.Server.Hubs;

/// <summary>The browser's way in to the engines: every call of <see cref="IPlaygroundHub"/> lands here.</summary>
public sealed class PlaygroundHub(IServerInfoService serverInfo, IMemoryEngineService memory, ProcessEngineService processes) : Hub, IPlaygroundHub
{
    public Task<ServerInfo> GetServerInfo() => serverInfo.GetAsync(Context.ConnectionAborted);

    public IAsyncEnumerable<MemoryTraceChunk> Simulate(string source, CancellationToken cancellationToken) =>
        memory.SimulateAsync(source, cancellationToken);

    public IAsyncEnumerable<ProcessRunUpdate> RunProcesses(string source, string? startMethod, ChannelReader<int> wanted, CancellationToken cancellationToken)
    {
        // One run at a time per browser tab: the tab's connection is its session.
        processes.SessionKey = SessionKey;
        return Refusals(processes.RunAsync(source, startMethod, wanted, cancellationToken), cancellationToken);
    }

    public IAsyncEnumerable<ProcessRunUpdate> RunProcessesInStepMode(string source, string? startMethod, ChannelReader<int> wanted, CancellationToken cancellationToken)
    {
        processes.SessionKey = SessionKey;
        return Refusals(processes.RunInStepModeAsync(source, startMethod, wanted, cancellationToken), cancellationToken);
    }

    // A grant finds the run by this connection's session key: a client can only step its own run.
    public Task<bool> GrantStep(int pid)
    {
        processes.SessionKey = SessionKey;
        return processes.GrantStepAsync(pid, Context.ConnectionAborted);
    }

    public Task LeaveStepMode(int? pid)
    {
        processes.SessionKey = SessionKey;
        return processes.LeaveStepModeAsync(pid, Context.ConnectionAborted);
    }

    private string SessionKey => "hub:" + Context.ConnectionId;

    /// <summary>
    /// The run queue's refusal ("This session already has a run...") as a HubException: SignalR sends the
    /// client only a HubException's message, anything else reads "An error occurred on the server".
    /// </summary>
    internal static async IAsyncEnumerable<ProcessRunUpdate> Refusals(IAsyncEnumerable<ProcessRunUpdate> updates,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var e = updates.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await e.MoveNextAsync();
            }
            catch (SessionBusyException refused)
            {
                throw new HubException(refused.Message, refused);
            }
            if (!more)
                yield break;
            yield return e.Current;
        }
    }
}
