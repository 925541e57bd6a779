using Microsoft.Playwright;
using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Memory;

/// <summary>The Memory pools page against the real server and engine, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemoryPoolsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Pools_fill_as_the_strings_are_made_and_empty_when_they_are_deleted()
    {
        var page = new MemoryPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/pools");
        await page.Shell.SelectScenarioAsync("Pool reuse");

        await page.RunAsync();
        await Expect(page.SizeClassRow(12)).ToHaveCountAsync(0);
        await page.GoToStepAsync(3);

        // first = 300 strings of 199 bytes: class 12, 78 blocks a pool, four pools.
        await Expect(page.SizeClassRow(12)).ToContainTextAsync("300");
        await Expect(page.PoolTiles.And(page.Page.Locator("[aria-label*='size class 12 ']").And(page.Page.Locator("[data-state='Full']")))).ToHaveCountAsync(3);
        await page.PlacedObjects.Filter(new() { HasText = "rrrr" }).First.ClickAsync();
        await Expect(page.SelectedObject).ToContainTextAsync("block 0");
        // selecting an object keeps the scenario that ran (it once loaded the page's first scenario over it)
        await Expect(page.Page.GetByTestId("scenario-explanation")).ToContainTextAsync("Pool reuse");
        await Expect(page.PoolDetail).ToContainTextAsync("208-byte blocks");
        await page.ScreenshotAroundAsync(page.Page.GetByTestId("pool-grid"), "memory-pools-filled");
        // The long lists (the step's log, a full pool's 78 objects, the object table) scroll in boxes of
        // their own: the page had grown to 6,000–9,000 px, the grid at its top and the table at its foot.
        var height = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height <= 3_200, $"The pools page is {height}px tall.");

        await page.GoToStepAsync(5);

        // del first: the four pools are empty, and the table no longer lists the class.
        await Expect(page.SizeClassRow(12)).ToHaveCountAsync(0);
        await Expect(page.PoolTiles.And(page.Page.Locator("[aria-label*='size class 12 ']").And(page.Page.Locator("[data-state='Empty']")))).ToHaveCountAsync(4);
        await page.ScreenshotAroundAsync(page.Page.GetByTestId("pool-grid"), "memory-pools-emptied");

        await page.PressAsync("ArrowLeft");
        await Expect(page.SizeClassRow(12)).ToContainTextAsync("300");
    }

    [Fact]
    public async Task On_a_phone_in_dark_theme_arenas_given_back_show_as_such_and_big_objects_are_listed_apart()
    {
        var page = new MemoryPage(await Browser.NewPageAsync(width: 390, height: 844, scheme: ColorScheme.Dark));
        await page.Shell.GotoAsync("/memory/pools");
        await page.Shell.ExpectDarkEditorAsync();
        await page.Shell.SelectScenarioAsync("An arena given back to the system");

        // Seven thousand strings on one line: the trace of that step is large.
        await page.RunAsync(timeoutMs: 30_000);
        await page.GoToStepAsync(3);
        await Expect(page.Arenas).ToHaveCountAsync(4);
        await Expect(page.FreedArenas).ToHaveCountAsync(0);
        await page.GoToStepAsync(5);

        await Expect(page.FreedArenas).ToHaveCountAsync(2);
        // "given back to the system" reads over the arena's hatching (faded with it, it read at 2.6:1)
        var contrasts = await TextContrast.OfAsync(page.FreedArenas);
        Assert.True(contrasts.Min() >= 4.5, $"a given-back arena's note reads at {contrasts.Min():0.0}:1");
        var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page scrolls sideways: {width}px wide.");
        await page.ScreenshotAroundAsync(page.Page.GetByTestId("pool-grid"), "memory-pools-phone-dark");

        await page.Shell.SelectScenarioAsync("Big objects go to the system allocator");
        await page.RunAsync();
        await page.GoToStepAsync(7);
        await Expect(page.SystemAllocations.Filter(new() { HasText = "2,049 bytes" })).ToHaveCountAsync(1);
    }
}
