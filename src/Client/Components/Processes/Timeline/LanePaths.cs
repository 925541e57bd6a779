using System.Text;
using Playground.Client.Components.Rendering;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// A lane's bars as one SVG path per activity: the page keeps a handful of elements per lane, whatever
/// the zoom, instead of one per bar, which keeps Blazor's diff and the browser's layout cheap.
/// </summary>
public static class LanePaths
{
    public static IReadOnlyList<(LaneActivity Activity, string Path)> Of(IReadOnlyList<TimelineBar> bars, double top, double height)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var paths = new SortedDictionary<LaneActivity, StringBuilder>();
        foreach (var bar in bars)
        {
            if (!paths.TryGetValue(bar.Activity, out var path))
            {
                paths[bar.Activity] = path = new StringBuilder();
            }

            // exited is drawn as a thin line after the lane's life
            var (y, h) = bar.Activity == LaneActivity.Exited ? (top + (height / 2) - 1, 2.0) : (top, height);
            SvgNumber.Append(path.Append('M'), bar.X, 2);
            SvgNumber.Append(path.Append(' '), y, 2);
            SvgNumber.Append(path.Append('h'), bar.Width, 2);
            SvgNumber.Append(path.Append('v'), h, 2);
            SvgNumber.Append(path.Append('h'), -bar.Width, 2).Append('z');
        }

        return [.. paths.Select(p => (p.Key, p.Value.ToString()))];
    }
}
