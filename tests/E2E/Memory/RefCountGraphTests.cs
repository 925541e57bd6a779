using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Memory;

/// <summary>The reference counting page's heap graph against the real server and engine, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefCountGraphTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Script = "a = [1, 2]\nb = a\nbox = {'items': a}\ndel b\nprint(len(box))\n";

    [Fact]
    public async Task The_graph_draws_names_and_labelled_arrows_with_counts_and_a_click_shows_the_referrers()
    {
        var page = new MemoryPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/refcount");
        await page.Shell.ReplaceCodeAsync(Script);
        await page.RunAsync();

        // After line 3 the list has three references: the names a and b, and the dict's value.
        await page.StepToAsync(3);
        var list = page.Card("list of 2");
        await Expect(list.GetByTestId("card-refcount")).ToHaveTextAsync("3");
        await Expect(page.Arrow("a")).ToHaveCountAsync(1);
        await Expect(page.Arrow("b")).ToHaveCountAsync(1);
        await Expect(page.Arrow("['items']")).ToHaveCountAsync(1);
        await Expect(page.Arrow("[0]")).ToHaveCountAsync(1);
        await Expect(page.Card("1").GetByTestId("card-shared")).ToBeVisibleAsync();

        await list.ClickAsync();
        await Expect(page.Referrers).ToContainTextAsync("a");
        await Expect(page.Referrers).ToContainTextAsync("['items']");
        await Expect(page.Details.GetByTestId("details-refcount")).ToHaveTextAsync("refcount 3");
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-refcount-graph");

        // At 1280 px the frame and its three ranks of cards fit the view at a readable size, no sideways scroll.
        var widths = await page.Page.EvaluateAsync<int[]>(
            "() => { const v = document.querySelector(\"[data-testid='graph-svg']\").parentElement; return [v.scrollWidth, v.clientWidth]; }");
        Assert.True(widths[0] <= widths[1], $"The graph scrolls sideways at 1280 px: {widths[0]}px in {widths[1]}px.");

        // del b: one reference fewer, the arrow from b is gone and the details follow the step.
        await page.PressAsync("ArrowRight");
        await Expect(list.GetByTestId("card-refcount")).ToHaveTextAsync("2");
        await Expect(page.Arrow("b")).ToHaveCountAsync(0);
        await Expect(page.Details.GetByTestId("details-refcount")).ToHaveTextAsync("refcount 2");
    }

    [Fact]
    public async Task Space_on_a_focused_card_selects_it_and_does_not_also_scroll_the_page()
    {
        var page = new MemoryPage(await Browser.NewPageAsync(height: 600));
        await page.Shell.GotoAsync("/memory/refcount");
        await page.Shell.ReplaceCodeAsync(Script);
        await page.RunAsync();
        await page.StepToAsync(3);

        var list = page.Card("list of 2");
        await list.FocusAsync();
        // focusing scrolls the card into view, and the page may still be moving from the steps before:
        // the position to keep is the one it comes to rest at (read mid-way, it failed now and then)
        var scrolled = await SettledScrollAsync(page.Page);
        await page.Page.Keyboard.PressAsync("Space");

        await Expect(page.Details.GetByTestId("details-refcount")).ToHaveTextAsync("refcount 3");
        // the browser's own Space scrolls the page down a screen (smoothly: it takes a moment to start)
        await page.Page.WaitForTimeoutAsync(300);
        Assert.Equal(scrolled, await SettledScrollAsync(page.Page));
    }

    /// <summary>The page's scroll position once it has not moved for ten animation frames.</summary>
    private static Task<double> SettledScrollAsync(Microsoft.Playwright.IPage page) => page.EvaluateAsync<double>(
        "() => new Promise(resolve => { let last = -1, same = 0; const tick = () => { const y = window.scrollY; same = y === last ? same + 1 : 0; last = y; if (same >= 10) resolve(y); else requestAnimationFrame(tick); }; tick(); })");

    [Fact]
    public async Task On_a_phone_in_dark_theme_the_graph_stacks_under_the_editor_and_stays_usable()
    {
        var page = new MemoryPage(await Browser.NewPageAsync(width: 390, height: 844, scheme: Microsoft.Playwright.ColorScheme.Dark));
        await page.Shell.GotoAsync("/memory/refcount");
        await page.Shell.ExpectDarkEditorAsync();
        await page.Shell.ReplaceCodeAsync(Script);
        await page.RunAsync();
        await page.StepToAsync(3);

        await Expect(page.Card("list of 2").GetByTestId("card-refcount")).ToHaveTextAsync("3");
        await page.Card("list of 2").ClickAsync();
        await Expect(page.Referrers).ToContainTextAsync("['items']");
        var width = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page scrolls sideways: {width}px wide.");

        // Ranks go top to bottom on a phone, so the cards stay near their full size (124 units wide) instead
        // of shrinking to fit three ranks side by side into 390 px. (Where each card lands is dagre's, and a
        // card keeps its place from the step before when it still fits there, beside the frame or under it.)
        await Expect(page.Page.GetByTestId("graph-svg")).ToHaveAttributeAsync("data-ranks", "top-to-bottom");
        var card = await page.Card("list of 2").BoundingBoxAsync();
        Assert.NotNull(card);
        Assert.True(card.Width >= 100, $"The list's card is {card.Width}px wide on a phone.");
        await BrowserFixture.ScreenshotAsync(page.Page, "memory-refcount-graph-phone-dark");

        // Turned into a wide window, the same step is laid out left to right again: the frame beside the cards.
        await page.Page.SetViewportSizeAsync(1280, 800);
        await Expect(page.Page.GetByTestId("graph-svg")).ToHaveAttributeAsync("data-ranks", "left-to-right");
        await Expect(page.Page.GetByTestId("heap-frame")).ToBeVisibleAsync();
        await page.Page.WaitForFunctionAsync(
            "() => { const f = document.querySelector(\"[data-testid='heap-frame']\").getBoundingClientRect();"
            + " return [...document.querySelectorAll(\"[data-testid='heap-card']\")].every(c => f.right <= c.getBoundingClientRect().left + 1); }");
    }
}
