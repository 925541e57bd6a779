using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.PageObjects;

/// <summary>Any of the nine pages: the scenario shell with its editor, menu and Share / Fork / Reset.</summary>
public sealed class ScenarioPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Explanation => Page.GetByTestId("page-explanation");

    public ILocator ScenarioMenu => Page.GetByTestId("scenario-menu");

    public ILocator ScenarioExplanation => Page.GetByTestId("scenario-explanation");

    public ILocator Editor => Page.Locator(".monaco-editor").First;

    /// <summary>
    /// The editor drawn in Monaco's dark theme, as the page is: the page learns the system's theme while
    /// Monaco loads, and a change then once left the editor white on a dark page.
    /// </summary>
    public Task ExpectDarkEditorAsync() => Expect(Editor).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bvs-dark\b"));

    public ILocator ShareButton => Page.Locator("button[data-testid='share']");

    public ILocator ForkButton => Page.Locator("button[data-testid='fork']");

    public ILocator ShareLink => Page.GetByTestId("share-link");

    public ILocator SharedBanner => Page.GetByTestId("shared-banner");

    public ILocator EnginePanel => Page.GetByTestId("engine-panel");

    public async Task<IResponse?> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await WaitUntilReadyAsync();
        return response;
    }

    /// <summary>Interactive (Share is enabled only then) and the editor is drawn.</summary>
    public async Task WaitUntilReadyAsync()
    {
        // The first page of a server that has just started waits for its circuit (JIT, a loaded CI machine).
        await Expect(ShareButton).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await Expect(Editor).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Page.WaitForFunctionAsync("() => window.monaco && monaco.editor.getModels().length > 0");
    }

    /// <summary>Replaces the editor's code as a student would: select all, then type.</summary>
    public async Task ReplaceCodeAsync(string code)
    {
        await Editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.PressAsync("Delete");
        await Page.Keyboard.InsertTextAsync(code);
        await Page.WaitForFunctionAsync("expected => monaco.editor.getModels().some(m => m.getValue() === expected)", code);
    }

    public Task<string> CodeAsync() =>
        Page.EvaluateAsync<string>("() => monaco.editor.getModels().filter(m => !m.isDisposed()).map(m => m.getValue()).pop()");

    /// <summary>Picks a built-in scenario from the page's menu.</summary>
    public async Task SelectScenarioAsync(string title)
    {
        await ScenarioMenu.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = title }).ClickAsync();
        await Expect(ScenarioExplanation).ToContainTextAsync(title);
    }

    /// <summary>Shares the code and returns the short link the page shows.</summary>
    /// <summary>Shares and returns the new link: every share makes a new id, so a link shown before the click is not taken for it.</summary>
    public async Task<string> ShareAsync()
    {
        var previous = await ShareLink.CountAsync() > 0 ? (await ShareLink.TextContentAsync())!.Trim() : null;
        await ShareButton.ClickAsync();
        await Expect(ShareLink).ToBeVisibleAsync();
        if (previous is not null)
        {
            await Expect(ShareLink).Not.ToHaveTextAsync(previous);
        }

        return (await ShareLink.TextContentAsync())!.Trim();
    }

    /// <summary>
    /// The outermost elements whose right edge passes the viewport's (their parent's does not), as "tag.class (testid) right=N",
    /// so a page that scrolls sideways names what makes it scroll.
    /// </summary>
    public Task<string> WiderThanViewportAsync() => Page.EvaluateAsync<string>("""
        () => {
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1);
            return wide.filter(e => !wide.includes(e.parentElement)).slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${e.dataset.testid ?? ''}) right=${Math.round(e.getBoundingClientRect().right)}`)
                .join('; ');
        }
        """);
}
