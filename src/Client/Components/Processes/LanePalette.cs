namespace Playground.Client.Components.Processes;

/// <summary>
/// One colour per process: the lane, its console lines and its arrows share it. A process is coloured by
/// its name's number, which multiprocessing gives it from one counter in the parent (Process-1,
/// ForkPoolWorker-2, and Process-1:1 for a child's own child), so Process-1 has the same colour in every
/// run, whichever of the workers happened to report first. MainProcess has the first colour; a name
/// without a number (Process(name="producer")) takes one from the palette's end, in the order it appeared.
/// </summary>
public static class LanePalette
{
    private static readonly string[] Colours = ["#306998", "#c99a06", "#2e7d32", "#ad1457", "#6a1b9a", "#00838f", "#ef6c00", "#5d4037"];

    public static string Of(int laneIndex) => Colours[((laneIndex % Colours.Length) + Colours.Length) % Colours.Length];

    /// <summary>The colour index (0 to the palette's size) of a process called <paramref name="name"/>, the <paramref name="order"/>th to appear.</summary>
    public static int IndexFor(string? name, int order)
    {
        if (name == "MainProcess")
        {
            return 0;
        }

        var dash = name?.LastIndexOf('-') ?? -1;
        if (dash < 0 || dash == name!.Length - 1)
        {
            return Unnumbered(order);
        }

        // "1" or "1:2": the numbers of the process and of its ancestors' children, added up, so that a
        // child's first seven children (Process-1:1 to Process-1:7) are not coloured as it is
        var index = 0;
        foreach (var part in name[(dash + 1)..].Split(':'))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return Unnumbered(order);
            }

            index = (index + (n % Colours.Length)) % Colours.Length;
        }

        return index;
    }

    private static int Unnumbered(int order) => Colours.Length - 1 - (Math.Abs(order) % Colours.Length);
}
