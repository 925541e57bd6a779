namespace Playground.Client.Components.Processes;

/// <summary>One colour per process, in the order processes appear in a run: lanes, console, charts and grids agree.</summary>
public static class ProcessPalette
{
    private static readonly string[] Colours = ["#306998", "#c99a06", "#2e7d32", "#ad1457", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037"];

    public static string Colour(int index) => Colours[index % Colours.Length];
}
