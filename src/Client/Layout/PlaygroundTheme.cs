using MudBlazor;

namespace Playground.Client.Layout;

/// <summary>
/// The playground's palette: Python's blue and yellow, in light and dark. Text on a filled button or
/// chip is dark wherever the colour under it is light (the dark theme's blue, both yellows, the dark
/// theme's orange): white on them read at 1.7 to 2.6 to 1, under WCAG's 4.5 for text.
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
            WarningContrastText = DarkText,
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
            AppbarBackground = "#1e2a38",
        },
    };
}
