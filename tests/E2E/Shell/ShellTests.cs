using Microsoft.Playwright;
using Playground.Shared.Pages;
using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Shell;

/// <summary>The app shell in Debian's Chromium against the published server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Home_explains_both_modules_and_links_to_every_page()
    {
        var home = new HomePage(await Browser.NewPageAsync());

        await home.GotoAsync();

        await Expect(home.MemoryModule).ToContainTextAsync("Memory management");
        await Expect(home.ProcessesModule).ToContainTextAsync("Multiprocessing");
        foreach (var page in PageCatalog.All)
        {
            await Expect(home.LinkTo(page.Key)).ToContainTextAsync(page.Title);
        }

        await Expect(home.Footer).ToContainTextAsync("Python Internals Playground v");
        await Expect(home.Footer).ToContainTextAsync("storage: SQLite");
        await BrowserFixture.ScreenshotAsync(home.Page, "home");
    }

    public static TheoryData<string> PageKeys => [.. PageCatalog.All.Select(p => p.Key)];

    [Theory]
    [MemberData(nameof(PageKeys))]
    public async Task Every_page_shows_its_explanation_editor_and_built_in_scenario(string key)
    {
        var info = PageCatalog.Find(key)!;
        var page = new ScenarioPage(await Browser.NewPageAsync());

        var response = await page.GotoAsync(info.Route);

        Assert.Equal(200, response!.Status);
        await Expect(page.Title).ToHaveTextAsync(info.Title);
        await Expect(page.Explanation).ToContainTextAsync(info.Explanation[..40]);
        await Expect(page.ScenarioExplanation).ToBeVisibleAsync();
        await Expect(page.EnginePanel).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.CodeAsync()));
        await Expect(page.Page.Locator(".monaco-editor .mtk1").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page.Page, "page-" + key.Replace('/', '-'));
    }

    [Fact]
    public async Task Navigating_from_the_drawer_opens_the_page()
    {
        var home = new HomePage(await Browser.NewPageAsync());
        await home.GotoAsync();

        await home.Page.GetByTestId("nav-memory-gc").ClickAsync();

        await Expect(home.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/memory/gc$"));
        await Expect(new ScenarioPage(home.Page).Title).ToHaveTextAsync("Garbage collector");
    }

    [Fact]
    public async Task Edited_code_shared_opens_with_the_same_code_in_a_fresh_browser_context()
    {
        var author = new ScenarioPage(await Browser.NewPageAsync());
        await author.GotoAsync("/memory/refcount");
        const string code = "nodes = [[], []]\nnodes[0].append(nodes[1])\nprint(len(nodes))\n";

        await author.ReplaceCodeAsync(code);
        var link = await author.ShareAsync();

        Assert.Matches(@"/s/[0-9A-Za-z]{12}$", link);
        await BrowserFixture.ScreenshotAsync(author.Page, "shared-link");

        var reader = new ScenarioPage(await Browser.NewPageAsync());
        await reader.GotoAsync(link);
        await Expect(reader.Title).ToHaveTextAsync("Reference counting");
        await Expect(reader.SharedBanner).ToBeVisibleAsync();
        // edited code is not the built-in it started from, and the link says so
        await Expect(reader.SharedBanner).ToContainTextAsync("Names and references (edited)");
        Assert.Equal(code, await reader.CodeAsync());
        var onTheLink = new MemoryPage(reader.Page);
        await onTheLink.RunAsync();
        await onTheLink.PressAsync("End");
        await Expect(onTheLink.Output).ToHaveTextAsync("2\n");
        await BrowserFixture.ScreenshotAsync(reader.Page, "shared-opened");

        await reader.ForkButton.ClickAsync();
        await Expect(reader.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/memory/refcount$"));
        await Expect(reader.SharedBanner).ToBeHiddenAsync();
        await reader.WaitUntilReadyAsync();
        Assert.Equal(code, await reader.CodeAsync());
    }

    [Theory]
    [InlineData("/s/not-a-real-link")]
    [InlineData("/s/AAAAAAAAAAAA")]
    [InlineData("/memory/nowhere")]
    public async Task A_bad_link_shows_the_friendly_404_page(string path)
    {
        var page = await Browser.NewPageAsync();

        var response = await page.GotoAsync(path);

        Assert.Equal(404, response!.Status);
        var notFound = new NotFoundPage(page);
        await Expect(notFound.Heading).ToHaveTextAsync("Nothing lives at this address");
        await Expect(notFound.BackHome).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "not-found");
    }

    [Fact]
    public async Task The_theme_follows_the_system_and_the_toggle_switches_it()
    {
        var dark = new HomePage(await Browser.NewPageAsync(scheme: ColorScheme.Dark));
        await dark.GotoAsync();
        await Expect(dark.ThemeToggle).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        var darkBackground = await dark.BackgroundColorAsync();

        await dark.ThemeToggle.ClickAsync();

        await Expect(dark.ThemeToggle).ToHaveAttributeAsync("aria-label", "Switch to dark theme");
        Assert.NotEqual(darkBackground, await dark.BackgroundColorAsync());
        await BrowserFixture.ScreenshotAsync(dark.Page, "home-light-after-toggle");
        await dark.ThemeToggle.ClickAsync();
        await BrowserFixture.ScreenshotAsync(dark.Page, "home-dark");
    }

    [Fact]
    public async Task A_page_is_usable_on_a_phone_sized_screen()
    {
        var page = new ScenarioPage(await Browser.NewPageAsync(width: 390, height: 844));

        await page.GotoAsync("/processes");

        await Expect(page.Title).ToHaveTextAsync("Processes");
        var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page scrolls sideways: {width}px wide.");
        await BrowserFixture.ScreenshotAsync(page.Page, "phone-processes");
    }
}
