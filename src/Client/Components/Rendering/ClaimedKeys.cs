using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Playground.Client.Components.Rendering;

/// <summary>
/// The keys a focusable control answers itself (arrows, Home, End, Space, + and -), kept from the
/// browser's own use of them, which is to scroll the page (js/keys.js says why Blazor's
/// preventDefault attribute cannot). Claimed once the element is in the page, given up on dispose.
/// Where there is no browser (prerendering, component tests) it does nothing.
/// </summary>
public sealed class ClaimedKeys : IAsyncDisposable
{
    private const string ModulePath = "./js/keys.js";
    private IJSObjectReference? _listener;

    public static async Task<ClaimedKeys> ClaimAsync(IJSRuntime js, ElementReference element, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(js);
        var claimed = new ClaimedKeys();
        try
        {
            var module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (module is not null)
            {
                // the listener is all that is kept: the module's reference would stay in the page's table of them
                await using (module)
                {
                    claimed._listener = await module.InvokeAsync<IJSObjectReference>("claimKeys", element, keys);
                }
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // no browser, or the page is going away: the keys keep the browser's meaning
        }

        return claimed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_listener is not null)
            {
                await _listener.InvokeVoidAsync("dispose");
                await _listener.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // the page is gone with its listener
        }

        _listener = null;
    }
}
