using System.Globalization;
using System.Text;
using Playground.Client.Components.Rendering;
using Xunit;

namespace Playground.Tests.Unit.Components.Rendering;

/// <summary>The fast coordinate text is the text .NET's custom format writes, number for number.</summary>
public sealed class SvgNumberTests
{
    private static readonly string[] Formats = ["0", "0.#", "0.##", "0.###"];

    public static TheoryData<double> Samples() => [0, 1, -1, 0.5, 0.05, 0.005, 12.3, -12.34, 1280, 99.995, 0.999, 123456789.25, -0.04];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_what_the_custom_format_writes(double value)
    {
        for (var decimals = 0; decimals < Formats.Length; decimals++)
        {
            Assert.Equal(Expected(value, decimals), SvgNumber.Format(value, decimals));
        }
    }

    [Fact]
    public void Agrees_with_the_custom_format_over_many_random_coordinates()
    {
        var random = new Random(20261203);
        var compared = 0;
        for (var i = 0; i < 200_000; i++)
        {
            // pixels of a wide drawing, signed, and some tiny and some huge magnitudes
            var value = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-4, 8));
            var decimals = random.Next(0, Formats.Length);
            var units = Math.Abs(value) * Math.Pow(10, decimals);
            if (Math.Abs(units - Math.Floor(units) - 0.5) < 1e-6)
            {
                // a midpoint in binary is not one in decimal: the format rounds the exact value, we its product
                continue;
            }

            Assert.Equal(Expected(value, decimals), SvgNumber.Format(value, decimals));
            compared++;
        }

        Assert.True(compared > 190_000);
    }

    [Fact]
    public void Appends_the_same_text_it_formats()
    {
        var text = new StringBuilder("M");
        SvgNumber.Append(SvgNumber.Append(text, 12.345, 2).Append(' '), -0.5, 1);
        Assert.Equal("M12.35 -0.5", text.ToString());
    }

    [Fact]
    public void Never_writes_what_SVG_cannot_read()
    {
        Assert.Equal("0", SvgNumber.F(double.NaN));
        Assert.Equal("0", SvgNumber.F(double.PositiveInfinity));
        Assert.Equal("100000000000000000000", SvgNumber.F(1e20));
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgNumber.Format(1, 4));
    }

    private static string Expected(double value, int decimals)
    {
        var text = value.ToString(Formats[decimals], CultureInfo.InvariantCulture);

        // .NET writes "-0" for a negative that rounds to nothing; SVG reads both the same, ours is "0"
        return text == "-0" ? "0" : text;
    }
}
