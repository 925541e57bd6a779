using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Components.Editor;
using Playground.Client.Components.Scenarios;
using Playground.Client.Services;
using Playground.Shared.Pages;
using Playground.Shared.Scenarios;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Scenarios;

/// <summary>The shell every page shares, over the real scenario store (SQLite in a temp folder).</summary>
public sealed class ScenarioWorkbenchTests : WorkbenchTestBase
{
    [Fact]
    public void A_page_opens_with_its_first_built_in_scenario_and_its_explanation()
    {
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.GarbageCollector));

        Assert.Equal("Garbage collector", workbench.Find("[data-testid='page-title']").TextContent);
        Assert.Contains("Two nodes in a cycle", workbench.Find("[data-testid='scenario-explanation']").TextContent, StringComparison.Ordinal);
        Assert.Contains("print(gc.collect())", workbench.Instance.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_page_is_interactive_the_code_is_shown_as_text_and_buttons_are_disabled()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.Processes));

        Assert.Contains("Worker: {n}", workbench.Find("[data-testid='code-editor-static']").TextContent, StringComparison.Ordinal);
        Assert.True(workbench.Find("[data-testid='share']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Share_saves_the_edited_code_and_shows_its_short_link()
    {
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount));
        await TypeAsync(workbench, "x = [1]\nprint(x)\n");

        await workbench.Find("button[data-testid='share']").ClickAsync(new());

        var link = workbench.WaitForElement("[data-testid='share-link']").TextContent;
        var id = link[(link.LastIndexOf('/') + 1)..];
        Assert.True(ScenarioIds.IsWellFormed(id), link);
        var saved = await Context.Services.CreateScope().ServiceProvider.GetRequiredService<IScenarioService>().GetSharedAsync(id);
        Assert.Equal("x = [1]\nprint(x)\n", saved!.Code);
        Assert.Equal("memory/refcount", saved.Page);
    }

    [Fact]
    public async Task Share_saves_what_the_editor_holds_even_before_its_change_event_has_reached_the_page()
    {
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount));
        HoldInEditor("y = (1, 2)\nprint(y)\n");

        await workbench.Find("button[data-testid='share']").ClickAsync(new());

        var link = workbench.WaitForElement("[data-testid='share-link']").TextContent;
        var saved = await Context.Services.CreateScope().ServiceProvider.GetRequiredService<IScenarioService>().GetSharedAsync(link[(link.LastIndexOf('/') + 1)..]);
        Assert.Equal("y = (1, 2)\nprint(y)\n", saved!.Code);
    }

    [Fact]
    public async Task The_page_rendering_the_workbench_again_keeps_the_edited_code_and_the_chosen_scenario()
    {
        // What a page does when the student selects an object on it: it renders itself, and the workbench
        // with it, with the same page and a new child content.
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.MemoryPools));
        await TypeAsync(workbench, "blobs = ['x' * 600]\n");

        workbench.Render(p => p.Add(w => w.Page, PageCatalog.MemoryPools).Add(w => w.ChildContent, (RenderFragment)(b => b.AddContent(0, "selected"))));

        Assert.Equal("blobs = ['x' * 600]\n", workbench.Instance.Code);
        Assert.False(workbench.Find("button[data-testid='reset']").HasAttribute("disabled"));

        // another page does load its own first scenario
        workbench.Render(p => p.Add(w => w.Page, PageCatalog.GarbageCollector));
        Assert.Contains("print(gc.collect())", workbench.Instance.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_is_enabled_by_an_edit_and_brings_the_scenario_back()
    {
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount));
        var original = workbench.Instance.Code;
        Assert.True(workbench.Find("button[data-testid='reset']").HasAttribute("disabled"));

        Assert.Empty(workbench.FindAll("[data-testid='explanation-edited']"));

        await TypeAsync(workbench, "del everything\n");
        Assert.False(workbench.Find("button[data-testid='reset']").HasAttribute("disabled"));
        // the scenario's explanation says it is about the code as written
        var edited = workbench.Find("[data-testid='explanation-edited']");
        Assert.Contains("you have changed it", edited.TextContent, StringComparison.Ordinal);
        // a sentence of its own after the explanation's last, not run into it ("too.(This")
        Assert.Matches(@"\. \(This is about", edited.ParentElement!.TextContent);
        await workbench.Find("button[data-testid='reset']").ClickAsync(new());

        Assert.Equal(original, workbench.Instance.Code);
        Assert.Empty(workbench.FindAll("[data-testid='explanation-edited']"));
    }

    [Fact]
    public async Task A_shared_scenario_shows_its_banner_and_Fork_carries_the_code_to_its_page()
    {
        var shared = new SharedScenario("AbCdEfGhIjKl", "processes/locks", "Mine", "print('forked')\n",
            new Dictionary<string, string>(), DateTimeOffset.UtcNow);
        var workbench = Context.Render<ScenarioWorkbench>(p => p
            .Add(w => w.Page, PageCatalog.LocksAndSemaphores)
            .Add(w => w.Shared, shared));

        Assert.Contains("Mine", workbench.Find("[data-testid='shared-banner']").TextContent, StringComparison.Ordinal);
        await workbench.Find("button[data-testid='fork']").ClickAsync(new());

        Assert.EndsWith("/processes/locks", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        var draft = Context.Services.GetRequiredService<ScenarioDraft>().Take("processes/locks");
        Assert.Equal("print('forked')\n", draft?.Code);
    }

    [Fact]
    public async Task A_shared_scenario_of_its_own_is_named_at_the_top_of_the_menu_and_one_left_as_built_is_that_built_in()
    {
        var own = new SharedScenario("AbCdEfGhIjKm", "memory/refcount", "Mine", "print('mine')\n", new Dictionary<string, string>(), DateTimeOffset.UtcNow);
        var workbench = Context.Render<ScenarioWorkbench>(p => p.Add(w => w.Page, PageCatalog.RefCount).Add(w => w.Shared, own));

        Assert.Equal("Mine", MenuText(workbench));
        Assert.Equal("Mine (shared)", workbench.FindComponents<MudBlazor.MudSelectItem<BuiltInScenario>>()[0].Instance.Value!.Title);
        Assert.Empty(workbench.FindAll("[data-testid='scenario-explanation']"));

        var builtIn = (await Context.Services.CreateScope().ServiceProvider.GetRequiredService<IScenarioService>().GetBuiltInsAsync("memory/refcount"))[1];
        var asBuilt = own with { Id = "AbCdEfGhIjKn", Title = builtIn.Title, Code = builtIn.Code };
        workbench.Render(p => p.Add(w => w.Page, PageCatalog.RefCount).Add(w => w.Shared, asBuilt));

        Assert.Equal(builtIn.Title, MenuText(workbench));
        Assert.Contains(builtIn.Title, workbench.Find("[data-testid='scenario-explanation']").TextContent, StringComparison.Ordinal);
    }

    private static string MenuText(IRenderedComponent<ScenarioWorkbench> workbench) =>
        workbench.Find("input[data-testid='scenario-menu']").GetAttribute("value") ?? string.Empty;
}
