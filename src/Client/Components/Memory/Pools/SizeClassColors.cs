using System.Globalization;

namespace Playground.Client.Components.Memory.Pools;

/// <summary>
/// One colour per pymalloc size class, so the grid, the legend and the table agree. Neighbouring classes
/// (16 and 32 bytes, say) get hues far apart, since they are the ones a student compares most.
/// </summary>
public static class SizeClassColors
{
    /// <summary>A CSS colour for the class, readable on light and dark backgrounds.</summary>
    public static string Of(int sizeClass) =>
        string.Create(CultureInfo.InvariantCulture, $"hsl({sizeClass * 137 % 360}, 62%, 52%)");
}
