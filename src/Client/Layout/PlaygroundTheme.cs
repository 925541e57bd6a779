using MudBlazor;

namespace Playground.Client.Layout;

/// <summary>
/// The playground's palette: Python's blue and yellow, in light and dark. Text on a filled button or
/// chip is dark wherever the colour under it is light (the dark theme's blue, both yellows, the dark
/// theme's orange): white on them read at 1.7 to 2.6 to 1, under WCAG's 4.5 for text. Warning and
/// error are text too (a summarised graph's note, the log's "freed" lines), and so is success (a
/// finished run's alert, "reachable" in a collection): MudBlazor's orange, red and green read at 2.0, 3.5
/// and 2.1 to 1 on the light background, its red and green at 3.2 and 3.0 on the dark surfaces, so the
/// light theme takes darker ones (4.9, 5.3, 4.8) and the dark theme lighter ones (5.2, 4.6), with text
/// on them to match.
/// </summary>
public static class PlaygroundTheme
{
    private const string DarkText = "#10202f";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#306998",
            Secondary = "#c99a06",
            SecondaryContrastText = DarkText,
            Warning = "#a15c00",
            WarningContrastText = "#ffffff",
            Error = "#c62828",
            Success = "#207a3a",
            AppbarBackground = "#306998",
            Background = "#f7f8fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8dc",
            PrimaryContrastText = DarkText,
            Secondary = "#ffd43b",
            SecondaryContrastText = DarkText,
            WarningContrastText = DarkText,
            Error = "#ff8a80",
            ErrorContrastText = DarkText,
            Success = "#66bb6a",
            SuccessContrastText = DarkText,

            // an alert's text is the darker shade: on the dark theme that one must be lighter still
            SuccessDarken = "#81c784",
            AppbarBackground = "#1e2a38",
        },
    };
}
