using MudBlazor;

namespace Playground.Client.Layout;

/// <summary>The playground's palette: Python's blue and yellow, in light and dark.</summary>
public static class PlaygroundTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#306998",
            Secondary = "#c99a06",
            AppbarBackground = "#306998",
            Background = "#f7f8fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8dc",
            Secondary = "#ffd43b",
            AppbarBackground = "#1e2a38",
        },
    };
}
