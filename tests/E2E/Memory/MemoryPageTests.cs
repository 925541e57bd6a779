using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Memory;

/// <summary>The memory pages against the real server and engine, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemoryPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_cycle_scenario_runs_and_collect_frees_both_nodes_and_stepping_back_brings_them_back()
    {
        var page = new MemoryPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/gc");

        await page.RunAsync();
        await page.StepForwardUntilLogSaysAsync("gc.collect() collection");
        await Expect(page.ChangeLog).ToContainTextAsync("freed Node");
        await Expect(page.Objects.Filter(new() { HasText = "Node" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-gc-collected");

        await page.PressAsync("ArrowLeft");

        await Expect(page.Objects.Filter(new() { HasText = "Node" })).ToHaveCountAsync(2);
        await page.PressAsync("End");
        await Expect(page.Output).ToHaveTextAsync("2\n");
    }

    [Fact]
    public async Task Refcount_changes_are_listed_with_their_reasons_and_the_output_grows_with_the_steps()
    {
        var page = new MemoryPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/refcount");

        await page.RunAsync();
        await page.PressAsync("ArrowRight");

        await Expect(page.ChangeLog).ToContainTextAsync("list");
        await page.PressAsync("End");
        await Expect(page.Output).ToContainTextAsync("2\n3\n4\n");
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-refcount");
    }

    [Fact]
    public async Task Code_outside_the_subset_is_refused_with_its_line_and_column()
    {
        var page = new MemoryPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/refcount");
        await page.Shell.ReplaceCodeAsync("x = 1\nasync def f(): pass\n");

        await page.RunButton.ClickAsync();

        await Expect(page.Outcome).ToContainTextAsync("line 2, col 1:");
        await Expect(page.Page.Locator(".error-underline").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-rejected");
    }
}
