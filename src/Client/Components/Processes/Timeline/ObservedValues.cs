namespace Playground.Client.Components.Processes.Timeline;

/// <summary>The values one queue size or shared value took, in time order, for "what was it at t".</summary>
internal sealed class ObservedValues
{
    private readonly List<double> _times = [];
    private readonly List<string> _values = [];

    /// <summary>Inserts in time order; reports come nearly in order, so the search from the end is short.</summary>
    public void Add(double at, string value)
    {
        var i = _times.Count;
        while (i > 0 && _times[i - 1] > at)
        {
            i--;
        }

        _times.Insert(i, at);
        _values.Insert(i, value);
    }

    public string? At(double time)
    {
        var count = TimeSearch.CountAtOrBefore(_times, t => t, time);
        return count == 0 ? null : _values[count - 1];
    }
}
