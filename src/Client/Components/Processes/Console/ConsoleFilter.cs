using Playground.Client.Components.Processes.Timeline;

namespace Playground.Client.Components.Processes.Console;

/// <summary>Which console lines to show: one process or all, one stream or both, up to an instant.</summary>
public sealed record ConsoleFilter(int? Pid = null, string? Stream = null)
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";

    /// <summary>The lines that pass, the last <paramref name="max"/> of them, written at or before <paramref name="until"/> when given.</summary>
    public IReadOnlyList<TimelineConsoleLine> Apply(ConsoleLines lines, double? until, int max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var passing = lines.Of(Pid, Stream);
        var end = until is { } time ? TimeSearch.CountAtOrBefore(passing, l => l.Timestamp, time) : passing.Count;
        var shown = new TimelineConsoleLine[Math.Min(max, end)];
        for (var i = 0; i < shown.Length; i++)
        {
            shown[i] = passing[end - shown.Length + i];
        }

        return shown;
    }
}
