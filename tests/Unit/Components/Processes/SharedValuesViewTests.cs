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
    public void Each_element_of_a_shared_array_that_was_written_gets_its_own_row()
    {
        var rows = Render("counter_locked").FindAll("[data-testid=shared-value-row]");

        var hits = rows.Where(r => r.TextContent.Contains("Array-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, r => Assert.Equal("200", r.QuerySelector("[data-testid=shared-value-final]")!.TextContent));
        Assert.Equal(["[0]", "[1]"], hits.Select(r => r.QuerySelector("td")!.TextContent[^3..]).Order(StringComparer.Ordinal));
    }
}
