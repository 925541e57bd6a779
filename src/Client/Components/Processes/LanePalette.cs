namespace Playground.Client.Components.Processes;

/// <summary>One colour per process, in the order the processes appeared: the lane, its console lines and its arrows share it.</summary>
public static class LanePalette
{
    private static readonly string[] Colours = ["#306998", "#c99a06", "#2e7d32", "#ad1457", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037"];

    public static string Of(int laneIndex) => Colours[laneIndex % Colours.Length];
}
