using Bunit;
using Playground.Client.Components.Processes;
using Playground.Client.Components.Processes.StepMode;
using Playground.Client.Components.Processes.Timeline;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Processes;

/// <summary>Step mode's panel on its own: the waiting processes' next operations, their Next buttons, the counter.</summary>
public sealed class StepPanelTests : BunitTestBase
{
    private readonly List<int> _granted = [];
    private readonly List<int?> _left = [];

    private IRenderedComponent<StepPanel> Render(RunDetails details, bool running = true, bool finished = false, ProcessTimeline? timeline = null) =>
        Context.Render<StepPanel>(p => p
            .Add(v => v.Steps, details.Steps)
            .Add(v => v.StateOf, pid => timeline?.Lane(pid)?.StateAt(timeline.Now))
            .Add(v => v.Values, details.Values)
            .Add(v => v.IndexOf, details.IndexOf)
            .Add(v => v.Running, running)
            .Add(v => v.Finished, finished)
            .Add(v => v.OnGrant, pid => _granted.Add(pid))
            .Add(v => v.OnLeave, pid => _left.Add(pid)));

    private static RunDetails Fold(string recording) => RecordedRun.Fold(recording);

    [Fact]
    public void A_granted_step_keeps_its_line_but_its_next_button_is_disabled_until_the_process_reports()
    {
        var details = Fold("counter_unlocked_step_waits");
        details.Steps.MarkGranted(4);

        var view = Render(details);

        var buttons = view.FindAll("[data-testid=step-next-button]");
        Assert.Equal(3, buttons.Count);
        var worker2 = view.Find("[data-testid=step-lane][data-pid='4']");
        Assert.Equal("value.read Value-0x7f37a69ba000", worker2.QuerySelector("[data-testid=step-next]")!.TextContent);
        Assert.True(worker2.QuerySelector("button")!.HasAttribute("disabled"));
        Assert.False(view.Find("[data-testid=step-lane][data-pid='3'] button").HasAttribute("disabled"));
    }

    [Fact]
    public void A_process_that_used_its_grant_keeps_its_line_in_place_with_its_button_disabled()
    {
        var details = Fold("counter_unlocked_step_waits");
        var view = Render(details);
        var before = view.FindAll("[data-testid=step-lane]").Select(l => l.GetAttribute("data-pid")).ToList();

        // worker pid 3 reports the read it was granted: it no longer waits, but its line stays where it was
        var read = new Playground.Shared.Processes.ProcessEvent(Playground.Shared.Processes.ProcessEventKinds.ValueRead, 3, "Process-1", 1e9, 1_000_000,
            new Dictionary<string, System.Text.Json.JsonElement> { ["target"] = System.Text.Json.JsonDocument.Parse("\"Value-1\"").RootElement.Clone() });
        details.Apply([read]);
        view.Render();

        Assert.Equal(before, view.FindAll("[data-testid=step-lane]").Select(l => l.GetAttribute("data-pid")));
        var worker1 = view.Find("[data-testid=step-lane][data-pid='3']");
        Assert.StartsWith("running", worker1.QuerySelector("[data-testid=step-next]")!.TextContent, StringComparison.Ordinal);
        Assert.True(worker1.QuerySelector("button")!.HasAttribute("disabled"));
        Assert.False(view.Find("[data-testid=step-lane][data-pid='4'] button").HasAttribute("disabled"));
    }

    [Fact]
    public void Run_the_rest_freely_leaves_step_mode_for_every_process()
    {
        var view = Render(Fold("counter_unlocked_step_waits"));

        view.Find("[data-testid=run-free]").Click();

        Assert.Equal([(int?)null], _left);
        Assert.Empty(_granted);
    }

    [Fact]
    public void When_the_run_has_ended_the_buttons_are_disabled_and_the_counter_says_final()
    {
        var view = Render(Fold("counter_unlocked"), running: false, finished: true);

        Assert.True(view.Find("[data-testid=run-free]").HasAttribute("disabled"));
        var counter = string.Join(' ', view.Find("[data-testid=step-counter]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Counter final: 509, expected 1000 (1000 increments written)", counter);
    }

    [Fact]
    public void The_locked_counter_loses_nothing_so_no_lost_update_is_shown()
    {
        var view = Render(Fold("counter_locked"), running: false, finished: true);

        Assert.Equal("400", view.Find("[data-testid=counter-actual]").TextContent);
        Assert.Equal("400", view.Find("[data-testid=counter-expected]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=lost-update]"));
    }

    [Fact]
    public void In_step_mode_each_waiting_process_has_its_next_operation_and_a_next_button_that_grants_it()
    {
        var view = Render(Fold("counter_unlocked_step_waits"));

        var lanes = view.FindAll("[data-testid=step-lane]");
        Assert.Equal(3, lanes.Count);
        Assert.Equal(["MainProcess", "Process-1", "Process-2"], lanes.Select(l => l.QuerySelector(".step-name")!.TextContent));
        var worker = lanes.Single(l => l.QuerySelector(".step-name")!.TextContent == "Process-1");
        Assert.Equal("value.read Value-0x7f37a69ba000", worker.QuerySelector("[data-testid=step-next]")!.TextContent);
        worker.QuerySelector("button")!.Click();
        Assert.Equal([3], _granted);
    }

    [Fact]
    public void The_step_counter_shows_the_lost_updates_of_the_unlocked_counter()
    {
        var view = Render(Fold("counter_unlocked"));

        Assert.Equal("509", view.Find("[data-testid=counter-actual]").TextContent);
        Assert.Equal("1000", view.Find("[data-testid=counter-expected]").TextContent);
        Assert.Contains("491 updates lost", view.Find("[data-testid=lost-update]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_granted_acquire_that_blocks_on_a_held_lock_says_the_process_is_blocked_not_running()
    {
        var recording = RecordedRun.Load("counter_unlocked_step_waits");
        var details = new RunDetails();
        details.Apply(recording);
        var timeline = new ProcessTimeline();
        timeline.Apply(recording);
        var view = Render(details, timeline: timeline);

        // worker pid 3 was granted its acquire(); the lock is held elsewhere, so the process now waits in the kernel
        var requested = new ProcessEvent(ProcessEventKinds.LockRequested, 3, "Process-1", timeline.Now + 0.001, 1_000_000,
            new Dictionary<string, System.Text.Json.JsonElement>
            {
                ["lock"] = System.Text.Json.JsonDocument.Parse("\"Lock-1\"").RootElement.Clone(),
                ["block"] = System.Text.Json.JsonDocument.Parse("true").RootElement.Clone(),
            });
        details.Apply([requested]);
        timeline.Apply([requested]);
        view.Render();

        var worker1 = view.Find("[data-testid=step-lane][data-pid='3']");
        Assert.Equal("blocked on a lock (Lock 1) — nothing to grant now", worker1.QuerySelector("[data-testid=step-next]")!.TextContent);
        Assert.True(worker1.QuerySelector("button")!.HasAttribute("disabled"));
    }
}
