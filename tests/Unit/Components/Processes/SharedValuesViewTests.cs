using Bunit;
using Playground.Client.Components.Processes;
using Playground.Client.Components.Processes.SharedValues;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>The shared-value chart on its own, fed with the recorded counters.</summary>
public sealed class SharedValuesViewTests : BunitTestBase
{
    private IRenderedComponent<SharedValuesView> Render(string recording)
    {
        var details = RecordedRun.Fold(recording);
        return Context.Render<SharedValuesView>(p => p
            .Add(v => v.History, details.Values)
            .Add(v => v.IndexOf, details.IndexOf)
            .Add(v => v.Start, details.Start)
            .Add(v => v.End, details.End));
    }

    [Fact]
    public void The_unlocked_counter_ends_at_what_python_printed_and_draws_only_its_last_four_hundred_writes()
    {
        var row = Render("counter_unlocked").Find("[data-testid=shared-value-row]");

        Assert.Equal("509", row.QuerySelector("[data-testid=shared-value-final]")!.TextContent);
        Assert.Contains("1000", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(400, row.QuerySelectorAll("[data-testid=write-dot]").Length);
    }

    [Fact]
    public void The_value_between_writes_is_drawn_as_a_step_line_through_every_dot()
    {
        var row = Render("counter_unlocked").Find("[data-testid=shared-value-row]");
        var dots = row.QuerySelectorAll("[data-testid=write-dot]").Select(d => (d.GetAttribute("cx"), d.GetAttribute("cy"))).ToList();
        var path = row.QuerySelector("[data-testid=value-line]")!.GetAttribute("d")!;

        // M x0 y0, then for each later write: level to its time, then to its value
        var expected = $"M{dots[0].Item1} {dots[0].Item2}" + string.Concat(dots.Skip(1).Select(d => $"H{d.Item1}V{d.Item2}"));
        Assert.Equal(expected, path);
    }

    [Fact]
    public void At_an_instant_the_dots_are_the_four_hundred_writes_before_it_in_time_order()
    {
        var details = RecordedRun.Fold("counter_unlocked");
        var track = details.Values.Tracks.Single(t => t.Writes.Count == 1000);
        var at = track.Writes[599].Timestamp;
        var view = Context.Render<SharedValuesView>(p => p
            .Add(v => v.History, details.Values)
            .Add(v => v.IndexOf, details.IndexOf)
            .Add(v => v.Start, details.Start)
            .Add(v => v.End, details.End)
            .Add(v => v.Time, at));

        var dots = view.Find("[data-testid=shared-value-row]").QuerySelectorAll("[data-testid=write-dot]");
        var span = details.End - details.Start;
        string X(SharedValueWrite w) => Playground.Client.Components.Rendering.SvgNumber.F(3 + ((w.Timestamp - details.Start) / span * 254));
        var until = track.WritesUntil(at);
        Assert.InRange(until, 600, 999);
        Assert.Equal(track.Writes.Take(until).TakeLast(400).Select(X), dots.Select(d => d.GetAttribute("cx")));
        Assert.Equal(until.ToString(System.Globalization.CultureInfo.InvariantCulture), view.Find("[data-testid=shared-value-writes]").TextContent);
    }

    [Fact]
    public void Each_element_of_a_shared_array_that_was_written_gets_its_own_row()
    {
        var rows = Render("counter_locked").FindAll("[data-testid=shared-value-row]");

        var hits = rows.Where(r => r.TextContent.Contains("Array-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, r => Assert.Equal("200", r.QuerySelector("[data-testid=shared-value-final]")!.TextContent));
        Assert.Equal(["[0]", "[1]"], hits.Select(r => r.QuerySelector("td")!.TextContent[^3..]).Order(StringComparer.Ordinal));
    }
}
