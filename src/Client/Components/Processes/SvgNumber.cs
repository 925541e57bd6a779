using System.Globalization;

namespace Playground.Client.Components.Processes;

/// <summary>SVG coordinates as invariant text with one decimal (a comma from the user's culture would break the drawing).</summary>
public static class SvgNumber
{
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
