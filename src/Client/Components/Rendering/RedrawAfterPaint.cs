namespace Playground.Client.Components.Rendering;

/// <summary>
/// One more redraw of a component, after the browser has had its turn to paint: what a chart that folds
/// its bars over a few frames (see <see cref="RasterMove"/>) asks for while it has not caught up. A live
/// run redraws every frame anyway; a finished run zoomed, or a replay moved, would not. Asked again while
/// one is on its way, it does nothing.
/// </summary>
public sealed class RedrawAfterPaint
{
    private bool _scheduled;

    /// <summary>Waits for the browser's next turn, then runs <paramref name="redraw"/> if <paramref name="stillNeeded"/> says so.</summary>
    public async Task RequestAsync(Func<bool> stillNeeded, Action redraw)
    {
        ArgumentNullException.ThrowIfNull(stillNeeded);
        ArgumentNullException.ThrowIfNull(redraw);
        if (_scheduled)
        {
            return;
        }

        _scheduled = true;
        await Task.Delay(1);
        _scheduled = false;
        if (stillNeeded())
        {
            redraw();
        }
    }
}
