using Microsoft.Playwright;
using Playground.Shared.Pages;
using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Shell;

/// <summary>Every control has a name a screen reader can say, and a page can be used from the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardAndLabelsTests(BrowserFixture browser) : BrowserTest(browser)
{
    // The accessible name as a screen reader would compute it, simplified: aria-label, aria-labelledby,
    // a <label>, the text inside, or a title. Lists each interactive element that has none.
    private const string UnnamedControls = """
        () => [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=combobox], [role=slider], [role=switch], [role=checkbox], [tabindex="0"]')]
          .filter(e => e.offsetParent !== null && !e.closest('.monaco-editor'))
          .filter(e => {
            const labelled = (e.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
              .map(id => document.getElementById(id)?.textContent ?? '').join('').trim();
            const label = e.id ? [...document.querySelectorAll(`label[for="${CSS.escape(e.id)}"]`)].map(l => l.textContent).join('').trim() : '';
            const wrapped = e.closest('label')?.textContent?.trim() ?? '';
            const name = (e.getAttribute('aria-label') || labelled || label || wrapped || e.textContent || e.getAttribute('title') || e.getAttribute('placeholder') || '').trim();
            return name.length === 0;
          })
          .map(e => e.outerHTML.slice(0, 160))
        """;

    public static TheoryData<string> Routes => [.. PageCatalog.All.Select(p => p.Route)];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_control_of_a_page_has_a_name_for_screen_readers(string route)
    {
        var page = new ScenarioPage(await Browser.NewPageAsync());
        await page.GotoAsync(route);

        var unnamed = await page.Page.EvaluateAsync<string[]>(UnnamedControls);

        Assert.True(unnamed.Length == 0, "controls without a name on " + route + ":\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public async Task A_memory_scenario_runs_with_ctrl_enter_and_steps_with_the_keyboard_alone()
    {
        var page = new MemoryPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/memory/refcount");

        await page.Shell.Editor.ClickAsync();
        await page.Page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Position).ToContainTextAsync("Step 1 of ", new() { Timeout = 10_000 });

        // From the editor, Tab moves on until the focus reaches the step controls; no mouse.
        await page.Page.Keyboard.PressAsync("Escape");
        var reached = false;
        for (var i = 0; i < 40 && !reached; i++)
        {
            await page.Page.Keyboard.PressAsync(i == 0 ? "Control+M" : "Tab");
            reached = await page.Page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('[data-testid=step-controls]')");
        }

        Assert.True(reached, "Tab never reached the step controls");
        var total = (await page.Position.TextContentAsync())!.Split(' ')[^1].Trim();
        Assert.True(int.Parse(total, System.Globalization.CultureInfo.InvariantCulture) > 2, "the scenario has more than two steps");
        await page.Page.Keyboard.PressAsync("End");
        await Expect(page.Position).ToContainTextAsync($"Step {total} of {total}");
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Position).ToContainTextAsync($"Step {int.Parse(total, System.Globalization.CultureInfo.InvariantCulture) - 1} of {total}");
        await page.Page.Keyboard.PressAsync("Home");
        await Expect(page.Position).ToContainTextAsync($"Step 1 of {total}");
    }
}
