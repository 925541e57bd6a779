using Playground.Client.Components.Processes.Timeline;

namespace Playground.Client.Components.Processes.Console;

/// <summary>Which console lines to show: one process or all, one stream or both, up to an instant.</summary>
public sealed record ConsoleFilter(int? Pid = null, string? Stream = null)
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";

    /// <summary>The lines that pass, the last <paramref name="max"/> of them, written at or before <paramref name="until"/> when given.</summary>
    public IReadOnlyList<TimelineConsoleLine> Apply(IReadOnlyList<TimelineConsoleLine> lines, double? until, int max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var shown = new List<TimelineConsoleLine>();
        for (var i = lines.Count - 1; i >= 0 && shown.Count < max; i--)
        {
            var line = lines[i];
            if ((Pid is null || line.Pid == Pid) && (Stream is null || line.Stream == Stream) && (until is null || line.Timestamp <= until))
            {
                shown.Add(line);
            }
        }

        shown.Reverse();
        return shown;
    }
}
