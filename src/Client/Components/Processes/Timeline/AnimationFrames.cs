using Microsoft.JSInterop;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// Coalesces redraws to one per animation frame: <see cref="Request"/> during a burst of event batches
/// schedules one callback on the browser's next requestAnimationFrame, and every later request before
/// that frame joins it. Where there is no browser (prerendering, component tests) the callback runs at once.
/// </summary>
public sealed class AnimationFrames(IJSRuntime js, Action draw) : IAsyncDisposable
{
    private const string ModulePath = "./js/timeline.js";
    private IJSObjectReference? _module;
    private bool _pending;

    /// <summary>How many redraws were asked for, and how many frames drew them (the ratio is the coalescing).</summary>
    public long Requests { get; private set; }

    public long Frames { get; private set; }

    public void Request()
    {
        Requests++;
        if (_pending)
        {
            return;
        }

        _pending = true;
        _ = DrawOnNextFrameAsync();
    }

    private async Task DrawOnNextFrameAsync()
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("nextFrame");
            }
        }
        catch (Exception ex) when (ex is JSException or InvalidOperationException or JSDisconnectedException or TaskCanceledException)
        {
            // no browser to wait for: draw now
        }

        _pending = false;
        Frames++;
        draw();
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // the page is gone with its module
            }
        }
    }
}
