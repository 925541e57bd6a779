using System.Diagnostics;
using Microsoft.JSInterop;
using Playground.Client.Components.Processes.Timeline;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

/// <summary>The redraw pacing of a live run, where there is no browser to wait for (a circuit that has gone).</summary>
public sealed class AnimationFramesTests
{
    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new JSDisconnectedException("no browser");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new JSDisconnectedException("no browser");
    }

    [Fact]
    public async Task Requests_during_a_draw_join_one_redraw_and_redraws_start_at_least_the_minimum_gap_apart()
    {
        var starts = new List<long>();
        var drawn = new SemaphoreSlim(0);
        var frames = new AnimationFrames(new NoBrowser(), () =>
        {
            starts.Add(Stopwatch.GetTimestamp());
            drawn.Release();
        });

        frames.Request();
        Assert.True(await drawn.WaitAsync(TimeSpan.FromSeconds(5)));
        // three requests right after the first draw: one redraw, and not before the gap is over
        frames.Request();
        frames.Request();
        frames.Request();
        Assert.True(await drawn.WaitAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(100);

        Assert.Equal(2, starts.Count);
        Assert.Equal(4, frames.Requests);
        Assert.Equal(2, frames.Frames);
        Assert.True(Stopwatch.GetElapsedTime(starts[0], starts[1]) >= AnimationFrames.MinimumGap - TimeSpan.FromMilliseconds(2),
            $"the second redraw started {Stopwatch.GetElapsedTime(starts[0], starts[1]).TotalMilliseconds:0.0} ms after the first");
        await frames.DisposeAsync();
    }
}
