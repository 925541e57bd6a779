using System.Text.RegularExpressions;
using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Processes;

/// <summary>The process pages run real python3 processes in the server's sandbox, watched live in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcessPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_seed_example_shows_five_workers_each_printing_its_number()
    {
        var page = new ProcessPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes");

        await page.RunButton.ClickAsync();

        await Expect(page.Ending).ToContainTextAsync("Finished with exit code 0", new() { Timeout = 30_000 });
        for (var n = 1; n <= 5; n++)
        {
            await Expect(page.Lanes.Filter(new() { HasText = $"Process-{n}" })).ToContainTextAsync("exited with code 0");
        }

        for (var n = 0; n < 5; n++)
        {
            await Expect(page.ConsoleLines.Filter(new() { HasText = $"Worker: {n}" })).ToHaveCountAsync(1);
        }

        await BrowserFixture.ScreenshotAsync(page.Page, "processes-five-workers");
    }

    [Fact]
    public async Task The_two_lock_deadlock_is_reported_with_its_wait_for_graph()
    {
        var page = new ProcessPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes/locks");
        await page.SelectScenarioAsync("Two locks, opposite order");

        await page.RunButton.ClickAsync();

        await Expect(page.Ending).ToContainTextAsync("deadlock", new() { Timeout = 30_000 });
        await Expect(page.WaitForGraph.Locator("li")).ToHaveCountAsync(3);
        await Expect(page.WaitForGraph).ToContainTextAsync("held by Process-2");
        await Expect(page.WaitForGraph).ToContainTextAsync("held by Process-1");
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-deadlock");
    }

    [Fact]
    public async Task Stop_ends_a_run_that_would_go_on()
    {
        var page = new ProcessPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes");
        await page.Shell.ReplaceCodeAsync("import time\nprint('started')\ntime.sleep(60)\n");

        await page.RunButton.ClickAsync();
        await Expect(page.ConsoleLines.Filter(new() { HasText = "started" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.StopButton.ClickAsync();

        await Expect(page.RunButton).ToBeEnabledAsync(new() { Timeout = 15_000 });
        // On the server the run's own ending says so; in WebAssembly the cancelled stream does.
        await Expect(page.Page.Locator("[data-testid='run-ending'], [data-testid='run-error']"))
            .ToContainTextAsync(new Regex("[Kk]illed by the user|stopped"));
    }
}
