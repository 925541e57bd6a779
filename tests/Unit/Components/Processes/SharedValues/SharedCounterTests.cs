using System.Text.Json;
using Bunit;
using Playground.Client.Components.Processes;
using Playground.Client.Components.Processes.SharedValues;
using Playground.Client.Components.Processes.StepMode;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes.SharedValues;

/// <summary>
/// When a shared Value counts as a <c>+= 1</c> counter, and what it should then end at: its first value
/// plus its read-modify-write pairs, lost updates included; any other Value has no expected value.
/// </summary>
public sealed class SharedCounterTests : BunitTestBase
{
    private const string Target = "Value-0x1";
    private long _seq;

    private ProcessEvent Access(string kind, int pid, double value) =>
        new(kind, pid, $"Process-{pid}", ++_seq * 0.001, _seq,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(new { target = Target, value }))!);

    private ProcessEvent Read(int pid, double value) => Access(ProcessEventKinds.ValueRead, pid, value);

    private ProcessEvent Write(int pid, double value) => Access(ProcessEventKinds.ValueWrite, pid, value);

    private static SharedValueHistory Fold(params ProcessEvent[] events)
    {
        var history = new SharedValueHistory();
        foreach (var e in events)
        {
            history.Apply(e);
        }

        return history;
    }

    [Fact]
    public void The_recorded_unlocked_counter_has_a_thousand_increments_from_zero_and_ends_at_509()
    {
        var counter = RecordedRun.Fold("counter_unlocked").Values.Counter!;

        Assert.Equal(1000, counter.Increments);
        Assert.Equal(0, counter.Initial);
        Assert.Equal(1000, counter.Expected);
        Assert.Equal(509, counter.Actual);
    }

    [Fact]
    public void Two_reads_of_the_same_value_then_two_writes_of_its_successor_are_two_increments_and_one_lost_update()
    {
        var counter = Fold(Read(3, 5), Read(4, 5), Write(3, 6), Write(4, 6)).Counter!;

        Assert.Equal(2, counter.Increments);
        Assert.Equal(7, counter.Expected);
        Assert.Equal(6, counter.Actual);
    }

    [Fact]
    public void A_value_set_by_plain_assignments_is_not_a_counter_and_has_no_expected_value()
    {
        var history = Fold(Write(3, 10), Write(4, 20), Write(3, 30));

        Assert.Null(history.Counter);
        Assert.Null(Assert.Single(history.Tracks).Expected);
    }

    [Fact]
    public void A_value_read_then_written_with_something_other_than_plus_one_is_not_a_counter()
    {
        var history = Fold(Read(3, 1), Write(3, 2), Read(3, 2), Write(3, 4));

        Assert.Null(history.Counter);
        Assert.Null(Assert.Single(history.Tracks).Expected);
    }

    [Fact]
    public void The_locked_counters_per_worker_hit_counts_are_assigned_not_counted()
    {
        var values = RecordedRun.Fold("counter_locked").Values;

        var hits = values.Tracks.Where(t => t.Name.Contains('[', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.False(h.IsCounter, $"{h.Name} is written by assignment"));
        Assert.Equal(400, values.Counter!.Expected);
    }

    [Fact]
    public void Step_mode_shows_no_expected_value_for_a_value_that_is_assigned_rather_than_counted()
    {
        var details = new RunDetails();
        details.Apply([Write(3, 10), Write(4, 20)]);

        var panel = Context.Render<StepPanel>(p => p
            .Add(v => v.Steps, details.Steps)
            .Add(v => v.Values, details.Values)
            .Add(v => v.IndexOf, details.IndexOf)
            .Add(v => v.Finished, true));

        Assert.Empty(panel.FindAll("[data-testid=counter-expected]"));
        Assert.Empty(panel.FindAll("[data-testid=lost-update]"));
    }
}
