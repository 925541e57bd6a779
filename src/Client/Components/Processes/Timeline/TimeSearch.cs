namespace Playground.Client.Components.Processes.Timeline;

/// <summary>Binary search over things kept in time order.</summary>
internal static class TimeSearch
{
    /// <summary>How many of <paramref name="items"/> (sorted by <paramref name="timeOf"/>) are at or before <paramref name="time"/>.</summary>
    public static int CountAtOrBefore<T>(IReadOnlyList<T> items, Func<T, double> timeOf, double time)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (timeOf(items[mid]) <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
