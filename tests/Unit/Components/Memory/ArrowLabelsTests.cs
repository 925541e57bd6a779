using Playground.Client.Components.Memory.HeapGraph;
using Xunit;

namespace Playground.Tests.Unit.Components.Memory;

/// <summary>Where the heap graph writes its arrows' labels: off the cards, and off each other.</summary>
public sealed class ArrowLabelsTests
{
    private static readonly GraphPoint Middle = new(100, 100);

    [Fact]
    public void A_label_takes_its_first_spot_when_nothing_is_there()
    {
        var spots = ArrowLabels.Place(["[0]"], [[new(Middle, LabelSide.Above), new(new GraphPoint(0, 0), LabelSide.Above)]], [GraphBox.Around(new GraphPoint(300, 300), 124, 58)]);

        Assert.Equal(new LabelSpot(Middle, LabelSide.Above), Assert.Single(spots));
    }

    [Fact]
    public void A_label_whose_first_spot_lies_on_a_card_takes_the_next_free_one()
    {
        var card = GraphBox.Around(Middle, 124, 58);
        var offCard = new LabelSpot(new GraphPoint(100, 10), LabelSide.Above);

        var spots = ArrowLabels.Place(["__class__"], [[new(Middle, LabelSide.Above), new(new GraphPoint(100, 120), LabelSide.Right), offCard]], [card]);

        Assert.Equal(offCard, Assert.Single(spots));
        Assert.False(ArrowLabels.BoxOf("__class__", offCard).Overlaps(card));
    }

    [Fact]
    public void Two_labels_on_one_spot_part_and_the_first_keeps_it()
    {
        var right = new LabelSpot(Middle, LabelSide.Right);
        var left = new LabelSpot(Middle, LabelSide.Left);

        var spots = ArrowLabels.Place(["__class__", "__class__"], [[right, left], [right, left]], []);

        Assert.Equal([right, left], spots);
        Assert.False(ArrowLabels.BoxOf("__class__", right).Overlaps(ArrowLabels.BoxOf("__class__", left)));
    }

    [Fact]
    public void A_label_placed_first_makes_way_for_a_later_one_that_has_nowhere_else_to_go()
    {
        // The garbage collector page's two __class__ labels side by side: the first, beside a line that
        // runs down, could go either side of it; the second, on a curve, had one free spot, the first's.
        var right = new LabelSpot(Middle, LabelSide.Right);
        var left = new LabelSpot(Middle, LabelSide.Left);
        var onlySpot = new LabelSpot(new GraphPoint(Middle.X + 60, Middle.Y + 4), LabelSide.Above);
        Assert.True(ArrowLabels.BoxOf("__class__", right).Overlaps(ArrowLabels.BoxOf("__class__", onlySpot)));

        var spots = ArrowLabels.Place(["__class__", "__class__"], [[right, left], [onlySpot]], []);

        Assert.Equal([left, onlySpot], spots);
    }

    [Fact]
    public void With_no_free_spot_a_label_takes_the_one_covered_least_and_an_arrow_without_spots_keeps_none()
    {
        var card = GraphBox.Around(Middle, 124, 58);
        var deep = new LabelSpot(Middle, LabelSide.Above);
        var edge = new LabelSpot(new GraphPoint(100, 82), LabelSide.Above);

        var spots = ArrowLabels.Place([".other", "x"], [[deep, edge], []], [card]);

        Assert.Equal(edge, spots[0]);
        Assert.Equal(default, spots[1]);
        Assert.True(ArrowLabels.BoxOf(".other", edge).OverlapArea(card) < ArrowLabels.BoxOf(".other", deep).OverlapArea(card));
    }
}
