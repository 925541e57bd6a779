using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Playground.Shared.Hub;

namespace Playground.Client.Services;

/// <summary>
/// The browser's one SignalR connection to the playground hub, opened on first use and shared by the
/// services of a page. Engine streams go over it too.
/// </summary>
public sealed class PlaygroundHubConnection(NavigationManager navigation) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HubConnection? _connection;

    public async Task<HubConnection> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                _connection = new HubConnectionBuilder()
                    .WithUrl(navigation.ToAbsoluteUri(HubRoutes.Playground))
                    .WithAutomaticReconnect()
                    .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, HubJsonContext.Default))
                    // Folding a long trace keeps WebAssembly's one thread busy for seconds, and pings with it:
                    // wait longer than SignalR's 30 s before calling the server gone (the hub waits as long).
                    .WithServerTimeout(HubTimeouts.Silence)
                    .Build();
            }

            if (_connection.State == HubConnectionState.Disconnected)
            {
                await _connection.StartAsync(cancellationToken);
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
