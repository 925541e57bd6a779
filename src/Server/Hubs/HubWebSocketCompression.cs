using Microsoft.AspNetCore.Http.Features;
using Playground.Shared.Hub;

namespace Playground.Server.Hubs;

/// <summary>
/// Turns on WebSocket permessage-deflate for the playground's hub. A memory trace is JSON that repeats
/// itself (the same property names and reasons on every step), so deflate shrinks it several times
/// over, and a 100,000-step trace reaches the browser in seconds instead of minutes. SignalR has no
/// option for it; the hub's WebSocket feature is wrapped so that its accept asks for compression, as the
/// Blazor Server circuit already does. The usual caveat of compression (CRIME/BREACH: secrets mixed with
/// attacker-chosen text in one compressed stream) does not apply: the hub carries only the student's
/// own scripts, traces and events, no cookie or token.
/// </summary>
public static class HubWebSocketCompression
{
    /// <summary>
    /// Adds the WebSocket middleware here, ahead of the hub's own (which leaves an existing WebSocket
    /// feature alone), and wraps the feature it installs for requests to the hub.
    /// </summary>
    public static IApplicationBuilder UseHubWebSocketCompression(this IApplicationBuilder app) =>
        app.UseWebSockets().Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(HubRoutes.Playground)
                && context.Features.Get<IHttpWebSocketFeature>() is { IsWebSocketRequest: true } feature)
            {
                context.Features.Set<IHttpWebSocketFeature>(new CompressingWebSocketFeature(feature));
            }

            return next(context);
        });

    private sealed class CompressingWebSocketFeature(IHttpWebSocketFeature inner) : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => inner.IsWebSocketRequest;

        public Task<System.Net.WebSockets.WebSocket> AcceptAsync(WebSocketAcceptContext context)
        {
            context.DangerousEnableCompression = true;
            return inner.AcceptAsync(context);
        }
    }
}
