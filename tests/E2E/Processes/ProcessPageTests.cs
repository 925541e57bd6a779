using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
    public async Task Producer_and_consumer_show_an_arrow_for_every_item_from_producer_to_consumer()
    {
        var page = new ProcessPage(await browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes/queues");
        await page.SelectScenarioAsync("Queue: producer and consumer");

        await page.RunButton.ClickAsync();

        await Expect(page.Ending).ToContainTextAsync("Finished with exit code 0", new() { Timeout = 30_000 });
        await Expect(page.MessageArrows).ToHaveCountAsync(11);
        var producer = await page.PidOfAsync("Process-1");
        var consumer = await page.PidOfAsync("Process-2");
        await Expect(page.MessageArrows.And(page.Page.Locator($"[data-from='{producer}'][data-to='{consumer}']"))).ToHaveCountAsync(11);
        var labels = await page.MessageArrows.Locator("title").AllTextContentsAsync();
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "None"], labels.Order(StringComparer.Ordinal));

        await page.ClickTimelineAtAsync(0.98);
        await Expect(page.TimelineCursor).ToHaveCountAsync(1);
        await Expect(page.CursorStates.Filter(new() { HasText = "exited with code 0" })).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-queue-timeline");

        // replay back to the first event: nothing was received yet
        await page.ReplayFirst.ClickAsync();
        await Expect(page.ReplayPosition).ToContainTextAsync("Step 1 of");
        await Expect(page.MessageArrows).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_timeline_fits_a_phone_in_the_dark_theme()
    {
        var page = new ProcessPage(await browser.NewPageAsync(width: 390, height: 844, scheme: ColorScheme.Dark));
        await page.Shell.GotoAsync("/processes/queues");
        await page.SelectScenarioAsync("Pipe ping-pong");

        await page.RunButton.ClickAsync();

        await Expect(page.Ending).ToContainTextAsync("Finished with exit code 0", new() { Timeout = 30_000 });
        await Expect(page.MessageArrows).ToHaveCountAsync(10);
        var plot = (await page.TimelinePlot.BoundingBoxAsync())!;
        Assert.True(plot.X + plot.Width <= 390, $"the timeline ends at {plot.X + plot.Width} px, past the phone's 390");
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-pipe-timeline-phone-dark");
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
