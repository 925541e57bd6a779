using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Playground.Shared.Hub;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Hubs;

/// <summary>The hub's WebSocket agrees to permessage-deflate, so a long memory trace travels compressed.</summary>
public sealed class HubWebSocketCompressionTests : IDisposable
{
    private readonly PlaygroundFactory _factory = new();

    public HubWebSocketCompressionTests()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    [Fact]
    public async Task The_hub_accepts_a_compressed_WebSocket()
    {
        var http = _factory.CreateClient();
        var negotiate = await http.PostAsync($"{HubRoutes.Playground}/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        var ws = new UriBuilder(http.BaseAddress!) { Scheme = "ws", Path = HubRoutes.Playground, Query = $"id={token}" }.Uri;
        await socket.ConnectAsync(ws, CancellationToken.None);

        Assert.True(socket.HttpResponseHeaders!.TryGetValue("Sec-WebSocket-Extensions", out var extensions));
        Assert.Contains(extensions, e => e.StartsWith("permessage-deflate", StringComparison.Ordinal));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    public void Dispose() => _factory.Dispose();
}
