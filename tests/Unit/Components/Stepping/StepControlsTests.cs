using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Playground.Client.Components.Stepping;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Stepping;

public sealed class StepControlsTests : BunitTestBase
{
    private int _step;

    private IRenderedComponent<StepControls> Render(int count, int step = 0, double speed = 2)
    {
        _step = step;
        return Context.Render<StepControls>(p => p
            .Add(c => c.StepCount, count)
            .Add(c => c.Step, step)
            .Add(c => c.StepsPerSecond, speed)
            .Add(c => c.StepChanged, s => _step = s));
    }

    [Fact]
    public void The_position_reads_as_a_sentence_and_back_is_disabled_on_the_first_step()
    {
        var controls = Render(count: 340);

        Assert.Equal("Step 1 of 340", controls.Find("[data-testid='step-position']").TextContent);
        Assert.True(controls.Find("button[data-testid='step-back']").HasAttribute("disabled"));
        Assert.True(controls.Find("button[data-testid='step-first']").HasAttribute("disabled"));
        Assert.False(controls.Find("button[data-testid='step-forward']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Buttons_move_one_step_and_jump_to_the_ends()
    {
        var controls = Render(count: 10, step: 4);

        await controls.Find("button[data-testid='step-forward']").ClickAsync(new());
        Assert.Equal(5, _step);
        await controls.Find("button[data-testid='step-last']").ClickAsync(new());
        Assert.Equal(9, _step);
        Assert.True(controls.Find("button[data-testid='step-forward']").HasAttribute("disabled"));
        await controls.Find("button[data-testid='step-first']").ClickAsync(new());
        Assert.Equal(0, _step);
    }

    [Fact]
    public void The_keys_the_controls_answer_are_kept_from_the_browser_and_Tab_is_not()
    {
        var module = Context.JSInterop.SetupModule("./js/keys.js");
        module.Mode = JSRuntimeMode.Loose;

        var controls = Render(count: 10);

        var arguments = Assert.Single(module.Invocations["claimKeys"]).Arguments;
        Assert.Equal(controls.Find("[data-testid='step-controls']").GetAttribute("blazor:elementReference"), ((Microsoft.AspNetCore.Components.ElementReference)arguments[0]!).Id);
        Assert.Equal(["ArrowLeft", "ArrowRight", "End", "Home", " "], Assert.IsType<string[]>(arguments[1]).OrderBy(k => k.Trim().Length == 0 ? "~" : k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Arrow_keys_Home_and_End_step_through_the_trace()
    {
        var controls = Render(count: 10, step: 3);
        var group = controls.Find("[data-testid='step-controls']");

        await group.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal(4, _step);
        await group.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        await group.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal(2, _step);
        await group.KeyDownAsync(new KeyboardEventArgs { Key = "End" });
        Assert.Equal(9, _step);
        await group.KeyDownAsync(new KeyboardEventArgs { Key = "Home" });
        Assert.Equal(0, _step);
        Assert.Equal("group", group.GetAttribute("role"));
        Assert.Equal("Step through the run", group.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Play_advances_to_the_last_step_and_stops_there()
    {
        var controls = Render(count: 4, step: 0, speed: 30);

        await controls.Find("button[data-testid='step-play']").ClickAsync(new());

        controls.WaitForAssertion(() => Assert.Equal(3, _step), TimeSpan.FromSeconds(5));
        controls.WaitForAssertion(() => Assert.False(controls.Instance.IsPlaying), TimeSpan.FromSeconds(5));
        Assert.Equal("Step 4 of 4", controls.Find("[data-testid='step-position']").TextContent);
    }

    [Fact]
    public void An_empty_trace_says_so_and_disables_everything()
    {
        var controls = Render(count: 0);

        Assert.Equal("No steps yet", controls.Find("[data-testid='step-position']").TextContent);
        Assert.All(controls.FindAll("button[data-testid^='step-']"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Markers_are_drawn_on_the_slider_and_the_jump_buttons_go_to_the_previous_and_next_one()
    {
        _step = 5;
        var controls = Context.Render<StepControls>(p => p
            .Add(c => c.StepCount, 11)
            .Add(c => c.Step, 5)
            .Add(c => c.MarkerName, "collection")
            .Add(c => c.Markers, [new StepMarker(2, "gc.collect()", MudBlazor.Color.Secondary), new StepMarker(8, "automatic", MudBlazor.Color.Warning)])
            .Add(c => c.StepChanged, s => _step = s));

        var ticks = controls.FindAll("[data-testid='step-marker']");
        Assert.Equal(["2", "8"], ticks.Select(t => t.GetAttribute("data-step")));
        Assert.Contains("left: 80%", ticks[1].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("1 of 2 collections", controls.Find("[data-testid='marker-count']").TextContent);

        await controls.Find("button[data-testid='marker-next']").ClickAsync(new());
        Assert.Equal(8, _step);
        Assert.True(controls.Find("button[data-testid='marker-next']").HasAttribute("disabled"));
        await controls.Find("button[data-testid='marker-previous']").ClickAsync(new());
        Assert.Equal(2, _step);
        Assert.True(controls.Find("button[data-testid='marker-previous']").HasAttribute("disabled"));
        await controls.FindAll("[data-testid='step-marker']")[1].ClickAsync(new());
        Assert.Equal(8, _step);
    }

    [Fact]
    public void Without_markers_there_are_no_ticks_and_no_jump_buttons()
    {
        var controls = Render(count: 10);

        Assert.Empty(controls.FindAll("[data-testid='step-marker']"));
        Assert.Empty(controls.FindAll("[data-testid='marker-next']"));
    }
}
