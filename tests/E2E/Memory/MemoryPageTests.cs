using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Memory;

/// <summary>The memory pages against the real server and engine, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemoryPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_cycle_scenario_shows_the_two_nodes_unreachable_then_freed_and_stepping_back_brings_them_back()
    {
        var page = new MemoryPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/gc");

        await page.RunAsync();
        await Expect(page.CollectionMarkers).ToHaveCountAsync(1);
        await page.NextCollectionButton.ClickAsync();
        await Expect(page.ChangeLog).ToContainTextAsync("gc.collect() collection");
        var nodes = page.CollectionObjects.Filter(new() { HasText = "other=<Node>" });
        await Expect(nodes).ToHaveCountAsync(2);

        // each instance is told apart by what it holds, not only by its arrows
        await Expect(nodes.Filter(new() { HasText = "name='a'" })).ToHaveCountAsync(1);
        await Expect(nodes.Filter(new() { HasText = "name='b'" })).ToHaveCountAsync(1);

        await page.ShowPhaseAsync(3);
        await Expect(page.CollectionObjectsWithStatus("Unreachable").Filter(new() { HasText = "other=<Node>" })).ToHaveCountAsync(2);
        await Expect(page.CollectionObjectsWithStatus("Unreachable")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-gc-unreachable");

        await page.ShowPhaseAsync(7);
        await Expect(page.CollectionObjectsWithStatus("Freed").Filter(new() { HasText = "other=<Node>" })).ToHaveCountAsync(2);
        await Expect(page.ChangeLog).ToContainTextAsync("freed Node");
        await ExpectReadableAsync(page.FreedLines);
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-gc-collected");

        await page.PressAsync("ArrowLeft");

        await Expect(page.CollectionObjects).ToHaveCountAsync(0);
        await Expect(page.TrackedObjects.Filter(new() { HasText = "other=<Node>" })).ToHaveCountAsync(2);
        await page.PressAsync("End");
        await Expect(page.Output).ToHaveTextAsync("2\n");
    }

    /// <summary>Runs "gc.disable() and leaks" to its second collection and shows what move_unreachable (phase 3) found: 15 cycles of two lists.</summary>
    private static async Task<MemoryPage> FifteenCyclesFoundAsync(MemoryPage page)
    {
        await page.Shell.GotoAsync("/memory/gc");
        await page.Shell.SelectScenarioAsync("gc.disable() and leaks");

        await page.RunAsync();
        await page.NextCollectionButton.ClickAsync();
        await page.NextCollectionButton.ClickAsync();
        await page.ShowPhaseAsync(3);
        return page;
    }

    [Fact]
    public async Task A_collection_of_fifteen_cycles_is_drawn_in_columns_its_cards_at_a_readable_size()
    {
        var page = await FifteenCyclesFoundAsync(new MemoryPage(await Browser.NewPageAsync()));

        // dagre stacks separate parts one under another: the 15 two-list cycles made one column, which
        // the drawing scaled to about half size to fit its height
        await Expect(page.Cards).ToHaveCountAsync(30);
        var widths = await page.Cards.EvaluateAllAsync<double[]>("cards => cards.map(c => c.getBoundingClientRect().width)");
        Assert.True(widths.Min() >= 0.7 * 124, $"a card is drawn {widths.Min():0} px wide, under 70% of its 124");
        var columns = await page.Cards.EvaluateAllAsync<double[]>("cards => [...new Set(cards.map(c => Math.round(c.getBoundingClientRect().left)))]");
        Assert.True(columns.Length >= 3, $"the cards stand in {columns.Length} columns");
        var graph = page.Page.GetByTestId("heap-graph");
        var sideways = await graph.Locator(".heap-graph-viewport").EvaluateAsync<bool>("v => v.scrollWidth > v.clientWidth + 1");
        Assert.False(sideways, "the graph scrolls sideways at 1280 px");
        await graph.ScreenshotAsync(new() { Path = System.IO.Path.Combine(BrowserFixture.ScreenshotDirectory, "memory-gc-fifteen-cycles.png") });
    }

    [Fact]
    public async Task On_a_phone_fifteen_cycles_are_packed_into_rows_that_fit_the_screen_without_shrinking_the_cards()
    {
        var page = await FifteenCyclesFoundAsync(new MemoryPage(await Browser.NewPageAsync(390, 844)));

        // ranked top to bottom, dagre set the 15 cycles side by side; rows of three were some 30 px wider
        // than the screen, so the graph scrolled sideways
        await Expect(page.Cards).ToHaveCountAsync(30);
        var viewport = page.Page.GetByTestId("heap-graph").Locator(".heap-graph-viewport");
        var scroll = await viewport.EvaluateAsync<double[]>("v => [v.scrollWidth, v.clientWidth]");
        Assert.True(scroll[0] <= scroll[1] + 1, $"the graph is {scroll[0]} px wide in a viewport of {scroll[1]}");
        var widths = await page.Cards.EvaluateAllAsync<double[]>("cards => cards.map(c => c.getBoundingClientRect().width)");
        Assert.True(widths.Min() >= 0.85 * 124, $"a card is drawn {widths.Min():0} px wide, under 85% of its 124");
        var rows = await page.Cards.EvaluateAllAsync<double[]>("cards => [...new Set(cards.map(c => Math.round(c.getBoundingClientRect().top)))]");
        Assert.True(rows.Length >= 10, $"the cards stand in {rows.Length} rows");
        await viewport.ScreenshotAsync(new() { Path = System.IO.Path.Combine(BrowserFixture.ScreenshotDirectory, "memory-gc-fifteen-cycles-phone.png") });
    }

    [Fact]
    public async Task The_collection_view_fits_a_phone_in_the_dark_theme()
    {
        var page = new MemoryPage(await Browser.NewPageAsync(390, 844, Microsoft.Playwright.ColorScheme.Dark));
        await page.Shell.GotoAsync("/memory/gc");
        await page.Shell.ExpectDarkEditorAsync();

        await page.RunAsync();
        await page.NextCollectionButton.ClickAsync();
        await page.ShowPhaseAsync(3);

        await Expect(page.CollectionObjectsWithStatus("Unreachable")).ToHaveCountAsync(2);
        var overflow = await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at 390 px: " + await page.Shell.WiderThanViewportAsync());
        // the collection's objects share the row, two to a phone's width, each head ("function gc_refs 1") on one line
        var lefts = await page.CollectionObjects.EvaluateAllAsync<double[]>("cards => [...new Set(cards.map(c => Math.round(c.getBoundingClientRect().left)))]");
        Assert.True(lefts.Length >= 2, $"the collection's objects stand in {lefts.Length} column");
        var heads = await page.CollectionObjects.Locator(".gc-card-head").EvaluateAllAsync<double[]>("heads => heads.map(h => h.getBoundingClientRect().height)");
        Assert.True(heads.Max() < 24, $"a card's head wraps: {heads.Max():0} px tall");
        await page.CollectionObjects.First.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-gc-phone-dark");

        await page.ShowPhaseAsync(7);
        await Expect(page.ChangeLog).ToContainTextAsync("freed Node");
        await ExpectReadableAsync(page.FreedLines);
    }

    /// <summary>The log's "freed" lines, in the theme's error colour, read at WCAG's 4.5 to 1 at least.</summary>
    private static async Task ExpectReadableAsync(Microsoft.Playwright.ILocator lines)
    {
        var contrasts = await TextContrast.OfAsync(lines);
        Assert.NotEmpty(contrasts);
        Assert.True(contrasts.Min() >= 4.5, $"a freed line reads at {contrasts.Min():0.0} to 1");
    }

    [Fact]
    public async Task Refcount_changes_are_listed_with_their_reasons_and_the_output_grows_with_the_steps()
    {
        var page = new MemoryPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/refcount");

        await page.RunAsync();
        await page.PressAsync("ArrowRight");

        await Expect(page.ChangeLog).ToContainTextAsync("list");
        var scrolled = await page.Page.EvaluateAsync<double>("() => window.scrollY");
        await page.PressAsync("End");
        await Expect(page.Output).ToContainTextAsync("2\n3\n4\n");
        // End went to the last step and did not also scroll the page to its foot (the browser's smooth scroll takes a moment to start)
        await page.Page.WaitForTimeoutAsync(300);
        Assert.Equal(scrolled, await page.Page.EvaluateAsync<double>("() => window.scrollY"));
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-refcount");
    }

    [Fact]
    public async Task Code_outside_the_subset_is_refused_with_its_line_and_column()
    {
        var page = new MemoryPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/refcount");
        await page.Shell.ReplaceCodeAsync("x = 1\nasync def f(): pass\n");

        await page.RunButton.ClickAsync();

        await Expect(page.Outcome).ToContainTextAsync("line 2, col 1:");
        await Expect(page.Page.Locator(".error-underline").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-rejected");
    }
}
