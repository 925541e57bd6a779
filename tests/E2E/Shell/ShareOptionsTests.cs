using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Shell;

/// <summary>A shared link carries the page's options as well as its code, and runs where it opens.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareOptionsTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_process_scenario_shared_with_spawn_opens_with_spawn_and_runs_on_the_link()
    {
        var author = new ScenarioPage(await Browser.NewPageAsync());
        await author.GotoAsync("/processes");
        var startMethod = author.Page.GetByTestId("start-method");
        await startMethod.ClickAsync();
        await author.Page.Locator(".mud-popover-open").GetByText("spawn", new() { Exact = true }).ClickAsync();
        await Expect(startMethod).ToHaveTextAsync("spawn");

        var link = await author.ShareAsync();

        var reader = new ProcessPage(await Browser.NewPageAsync());
        await reader.Shell.GotoAsync(link);
        await Expect(reader.Shell.SharedBanner).ToBeVisibleAsync();
        await Expect(reader.Page.GetByTestId("start-method")).ToHaveTextAsync("spawn");
        await reader.RunButton.ClickAsync();
        await Expect(reader.Ending).ToContainTextAsync("Finished with exit code 0", new() { Timeout = 30_000 });
        for (var n = 0; n < 5; n++)
        {
            await Expect(reader.ConsoleLines.Filter(new() { HasText = $"Worker: {n}" })).ToHaveCountAsync(1);
        }

        await BrowserFixture.ScreenshotAsync(reader.Page, "shared-process-spawn");
    }
}
