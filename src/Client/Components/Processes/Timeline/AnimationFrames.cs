using Microsoft.JSInterop;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// Coalesces redraws to one per animation frame: <see cref="Request"/> during a burst of event batches
/// schedules one callback on the browser's next requestAnimationFrame, and every later request before
/// that frame joins it. Where there is no browser (prerendering, component tests) the callback runs at once.
/// A redraw that took long (a live run's whole page is 10–30 ms in the browser's interpreted .NET) is
/// followed by as long a pause before the next one is asked for: the browser then has at least half its
/// time for input and for reading the events that keep coming, and each redraw shows more of them.
/// Redraws are also at least <see cref="MinimumGap"/> apart, two frames at 60 Hz. A live run's redraw
/// changes much of the page (lanes, console, lock charts), and the browser's own style, layout and
/// paint of it cost about as much again as the redraw: at one redraw a frame the page's thread had no
/// time left, and one frame in twenty took two frames or more (ProcessPageBench, frame gap p95 33 ms;
/// 16.8 ms with the gap, with more frames drawn). The frames in between are cheap: nothing changed.
/// </summary>
public sealed class AnimationFrames(IJSRuntime js, Action draw) : IAsyncDisposable
{
    private const string ModulePath = "./js/timeline.js";
    private IJSObjectReference? _module;
    private bool _pending;
    private long _lastDrawTicks;
    private long _lastDrawEnd;

    /// <summary>The least time from the start of one redraw to the start of the next.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(33);

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
            if (_lastDrawEnd != 0)
            {
                // Task.Delay's timer runs on a coarse clock (4 ms ticks on a Linux server) and truncates
                // to whole milliseconds, so one delay can end a few milliseconds early: wait again for
                // what is left until the pause is really over.
                var lastDraw = TimeSpan.FromTicks(_lastDrawTicks);
                var pause = TimeSpan.FromTicks(Math.Max(lastDraw.Ticks, (MinimumGap - lastDraw).Ticks));
                for (var rest = pause - System.Diagnostics.Stopwatch.GetElapsedTime(_lastDrawEnd);
                     rest > TimeSpan.FromMilliseconds(0.5);
                     rest = pause - System.Diagnostics.Stopwatch.GetElapsedTime(_lastDrawEnd))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(rest.TotalMilliseconds)));
                }
            }

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
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        draw();
        _lastDrawEnd = System.Diagnostics.Stopwatch.GetTimestamp();
        _lastDrawTicks = System.Diagnostics.Stopwatch.GetElapsedTime(start, _lastDrawEnd).Ticks;
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
