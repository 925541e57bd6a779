using Microsoft.Playwright;

namespace Playground.Tests.E2E.PageObjects;

/// <summary>The home page: the two modules and a link to every page.</summary>
public sealed class HomePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator MemoryModule => Page.GetByTestId("module-memory");

    public ILocator ProcessesModule => Page.GetByTestId("module-processes");

    public ILocator LinkTo(string pageKey) => Page.GetByTestId("home-" + pageKey.Replace('/', '-'));

    public ILocator ThemeToggle => Page.GetByTestId("theme-toggle");

    public ILocator Footer => Page.GetByTestId("footer");

    public async Task GotoAsync()
    {
        await Page.GotoAsync("/");
        await Microsoft.Playwright.Assertions.Expect(ThemeToggle).ToBeEnabledAsync();
    }

    /// <summary>The page's background colour as the browser computes it: tells light from dark.</summary>
    public Task<string> BackgroundColorAsync() =>
        Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
