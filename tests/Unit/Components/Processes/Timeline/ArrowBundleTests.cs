using Playground.Client.Components.Processes.Timeline;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.Timeline;

public sealed class ArrowBundleTests
{
    private static ArrowLine Arrow(double fromX, int from, double toX, int to, string label, string channel = "Queue-1") =>
        new(fromX, from, toX, to, new MessageArrow(label, channel, from, fromX, to, toX, label));

    [Fact]
    public void Messages_sent_the_same_way_a_few_pixels_apart_are_one_bundle_and_a_reply_between_them_is_not_in_it()
    {
        var puts = Enumerable.Range(0, 10).Select(i => Arrow(100 + (3 * i), 3, 110 + (3 * i), 4, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var reply = Arrow(112, 4, 121, 3, "ack");

        var bundles = ArrowBundle.Of([.. puts, reply], pixels: 6);

        Assert.Equal(2, bundles.Count);
        Assert.Equal(puts, bundles[0].Arrows);
        Assert.True(bundles[0].IsBundle);
        Assert.Equal("10 messages", bundles[0].Label);
        Assert.Equal(113.5, bundles[0].FromX);
        Assert.Equal(123.5, bundles[0].ToX);
        Assert.Equal([reply], bundles[1].Arrows);
        Assert.False(bundles[1].IsBundle);
        Assert.Equal("ack", bundles[1].Label);
    }

    [Fact]
    public void Heads_a_few_pixels_apart_are_one_bundle_however_far_apart_their_sends_and_a_gap_between_heads_starts_a_new_one()
    {
        var first = Arrow(100, 3, 110, 4, "a");
        var near = Arrow(104, 3, 114, 4, "b");
        var sentLongBefore = Arrow(40, 3, 118, 4, "c");
        var farReceived = Arrow(122, 3, 140, 4, "d");

        var bundles = ArrowBundle.Of([farReceived, near, first, sentLongBefore], pixels: 6);

        Assert.Equal([["a", "b", "c"], ["d"]], bundles.Select(b => b.Arrows.Select(a => a.Message.Label).ToArray()).ToArray());
    }

    [Fact]
    public void A_bundles_tooltip_names_its_channel_and_lists_its_first_values_then_how_many_more()
    {
        var arrows = Enumerable.Range(0, 15).Select(i => Arrow(100 + i, 3, 200 + i, 4, $"v{i}", "Queue-7f01")).ToList();

        var bundle = Assert.Single(ArrowBundle.Of(arrows, pixels: 6));

        Assert.Equal("15 messages on Queue-7f01: v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11 and 3 more. Zoom in to see each one.", bundle.Title);
    }
}
