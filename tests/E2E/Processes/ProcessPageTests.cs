using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Processes;

/// <summary>The process pages run real python3 processes in the server's sandbox, watched live in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcessPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_seed_example_shows_five_workers_each_printing_its_number()
    {
        var page = new ProcessPage(await Browser.NewPageAsync());
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

        // five lane colours, each readable as text on the light console (the amber one read at 2.4:1)
        var contrasts = await page.ConsoleNameContrastsAsync();
        Assert.True(contrasts.Min() >= 4.5, $"a process's name in the console reads at {contrasts.Min():0.0}:1");
        await ExpectReadableEndingAsync(page);

        await BrowserFixture.ScreenshotAsync(page.Page, "processes-five-workers");
    }

    [Fact]
    public async Task Producer_and_consumer_show_an_arrow_for_every_item_from_producer_to_consumer()
    {
        var page = new ProcessPage(await Browser.NewPageAsync());
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
        // the workers exit in the run's last few milliseconds, which 2% of a short run may not reach: End puts the cursor at the last event
        var scrolled = await page.Page.EvaluateAsync<double>("() => window.scrollY");
        await page.TimelinePlot.PressAsync("End");
        await Expect(page.CursorLane("Process-1")).ToContainTextAsync("exited with code 0", new() { Timeout = 15_000 });
        await Expect(page.CursorLane("Process-2")).ToContainTextAsync("exited with code 0", new() { Timeout = 15_000 });
        // ...and does not also scroll the page to its foot
        await page.Page.WaitForTimeoutAsync(300);
        Assert.Equal(scrolled, await page.Page.EvaluateAsync<double>("() => window.scrollY"));
        // at 1280 px the timeline takes the page's width below the editor, not half of it beside the code
        var plot = await page.TimelinePlot.BoundingBoxAsync();
        Assert.True(plot is { Width: > 700 }, $"the timeline's plot is {plot?.Width} px wide");
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-queue-timeline");

        // replay back to the first event: nothing was received yet, and no process has exited
        await page.ReplayFirst.ClickAsync();
        await Expect(page.ReplayPosition).ToContainTextAsync("Step 1 of");
        await Expect(page.MessageArrows).ToHaveCountAsync(0);
        await Expect(page.Lanes.Filter(new() { HasText = "exited" })).ToHaveCountAsync(0);
        await Expect(page.SummaryExitCodes.Filter(new() { HasText = "0" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_timeline_fits_a_phone_in_the_dark_theme()
    {
        var page = new ProcessPage(await Browser.NewPageAsync(width: 390, height: 844, scheme: ColorScheme.Dark));
        await page.Shell.GotoAsync("/processes/queues");
        await page.Shell.ExpectDarkEditorAsync();
        await page.SelectScenarioAsync("Pipe ping-pong");

        await page.RunButton.ClickAsync();

        await Expect(page.Ending).ToContainTextAsync("Finished with exit code 0", new() { Timeout = 30_000 });
        await Expect(page.MessageArrows).ToHaveCountAsync(10);
        var plot = (await page.TimelinePlot.BoundingBoxAsync())!;
        Assert.True(plot.X + plot.Width <= 390, $"the timeline ends at {plot.X + plot.Width} px, past the phone's 390");
        // the processes' names in the console read as text on the dark theme (the blue lane's own colour read at 2.5:1)
        var contrasts = await page.ConsoleNameContrastsAsync();
        Assert.NotEmpty(contrasts);
        Assert.True(contrasts.Min() >= 4.5, $"a process's name in the console reads at {contrasts.Min():0.0}:1");
        await ExpectReadableEndingAsync(page);
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-pipe-timeline-phone-dark");
    }

    /// <summary>The run's ending ("Finished with exit code 0", in the theme's success green) reads at WCAG's 4.5 to 1 at least.</summary>
    private static async Task ExpectReadableEndingAsync(ProcessPage page)
    {
        var ending = await TextContrast.OfAsync(page.Ending.Locator(".mud-alert-message"));
        Assert.NotEmpty(ending);
        Assert.True(ending.Min() >= 4.5, $"the run's ending reads at {ending.Min():0.0}:1");
    }

    [Fact]
    public async Task The_two_lock_deadlock_is_reported_with_its_wait_for_graph()
    {
        var page = new ProcessPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes/locks");
        await page.SelectScenarioAsync("Two locks, opposite order");

        await page.RunButton.ClickAsync();

        await Expect(page.Ending).ToContainTextAsync("deadlock", new() { Timeout = 30_000 });
        // the graph: three processes and two locks; the workers and both locks on the cycle, the parent that joins them off it
        await Expect(page.WaitForNodes).ToHaveCountAsync(5);
        await Expect(page.WaitForNodes.And(page.Page.Locator("[data-kind='Resource']"))).ToHaveCountAsync(2);
        await Expect(page.WaitForNodes.And(page.Page.Locator("[data-cycle='true']"))).ToHaveCountAsync(4);
        await Expect(page.WaitForNodes.And(page.Page.Locator("[data-cycle='false']"))).ToContainTextAsync("MainProcess");
        await Expect(page.WaitForEdges.And(page.Page.Locator("[data-kind='HeldBy'][data-cycle='true']"))).ToHaveCountAsync(2);
        await Expect(page.WaitForEdges.And(page.Page.Locator("[data-kind='WaitsFor'][data-cycle='true']"))).ToHaveCountAsync(2);
        await Expect(page.WaitForCycle).ToContainTextAsync(new Regex("Process-[12] → Process-[12] → Process-[12]"));
        // the locks by the names the script gives them (a, b = Lock(), Lock()), not by their addresses
        Assert.Equal(["a", "b"], (await page.WaitForNodes.And(page.Page.Locator("[data-kind='Resource']")).Locator(".node-subtitle").AllTextContentsAsync())
            .Order(StringComparer.Ordinal));

        // the timeline marks the two workers' lanes, not the parent's
        var worker1 = await page.PidOfAsync("Process-1");
        var worker2 = await page.PidOfAsync("Process-2");
        await Expect(page.DeadlockedLaneNames).ToHaveCountAsync(2);
        Assert.Equal(["Process-1", "Process-2"], (await page.DeadlockedLaneNames.Locator(".name").AllTextContentsAsync()).Order(StringComparer.Ordinal));
        await Expect(page.DeadlockOutlines).ToHaveCountAsync(2);
        await Expect(page.DeadlockOutlines.First).ToContainTextAsync("in deadlock");
        // the engine ended the main process with SIGKILL, and the summary says so; the sandbox in words
        await Expect(page.SummaryExitCodes.First).ToHaveTextAsync("-9 (SIGKILL)");
        await Expect(page.Isolation).ToContainTextAsync("Ran in a sandbox: ");
        await Expect(page.Isolation).ToHaveAttributeAsync("title", new Regex("rlimits|cgroup"));
        Assert.Equal(new[] { worker1, worker2 }.Order(StringComparer.Ordinal),
            (await page.DeadlockOutlines.EvaluateAllAsync<string[]>("outlines => outlines.map(o => o.parentElement.dataset.pid)")).Order(StringComparer.Ordinal));
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-deadlock");

        // the timeline's cursor drives the lock view: at the last event each worker holds one lock and
        // waits for the other's; at the first, both locks are free
        await page.TimelinePlot.PressAsync("End");
        await Expect(page.TimelineCursor).ToHaveCountAsync(1);
        await Expect(page.LockHolders).ToHaveTextAsync([new Regex("^Process-[12]$"), new Regex("^Process-[12]$")]);
        Assert.Equal(["Process-1", "Process-2"], (await page.LockHolders.AllTextContentsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["Process-1", "Process-2"], (await page.LockWaiters.AllTextContentsAsync()).Order(StringComparer.Ordinal));
        var holders = await page.LockHolders.AllTextContentsAsync();
        var waiters = await page.LockWaiters.AllTextContentsAsync();
        Assert.All(holders.Zip(waiters), row => Assert.NotEqual(row.First, row.Second));
        await page.TimelinePlot.PressAsync("Home");
        await Expect(page.LockHolders).ToHaveTextAsync(["free", "free"]);

        // replayed to its first event, the run has not taken a lock yet
        await page.ReplayFirst.ClickAsync();
        await Expect(page.LockHolders).ToHaveTextAsync(["free", "free"]);
        await Expect(page.LockWaiters).ToHaveTextAsync(["—", "—"]);
    }

    /// <summary>
    /// How soon after Stop or a closed tab the run's last process must be gone: well under the sandbox's
    /// 10-second wall time, which would end the sleeping script by itself.
    /// </summary>
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(4);

    /// <summary>
    /// A script that says which uid and cgroup its run has, forks a child and then both sleep a minute
    /// (flat: fork needs no __main__ guard, and the editor would indent a typed block twice).
    /// </summary>
    private const string SleepingParentAndChild =
        SandboxedRun.IdentityScript +
        "import time\n" +
        "from multiprocessing import Process\n" +
        "child = Process(target=time.sleep, args=(60,))\n" +
        "child.start()\n" +
        "print('started', flush=True)\n" +
        "time.sleep(60)\n";

    [Fact]
    public async Task Stop_ends_a_run_that_would_go_on_and_leaves_none_of_its_processes_on_the_server()
    {
        var page = new ProcessPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes");
        await page.Shell.ReplaceCodeAsync(SleepingParentAndChild);

        await page.RunButton.ClickAsync();
        await Expect(page.ConsoleLines.Filter(new() { HasText = "started" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var run = await RunOfAsync(page);
        Assert.True(run.LiveProcesses().Count(p => p.Contains("python3", StringComparison.Ordinal)) >= 2,
            "the run's parent and child are found on the server before Stop: " + string.Join("; ", run.LiveProcesses()));
        await page.StopButton.ClickAsync();

        await Expect(page.RunButton).ToBeEnabledAsync(new() { Timeout = 15_000 });
        // On the server the run's own ending says so; in WebAssembly the cancelled stream does.
        await Expect(page.Page.Locator("[data-testid='run-ending'], [data-testid='run-error']"))
            .ToContainTextAsync(new Regex("[Kk]illed by the user|stopped"));
        Assert.Empty(await run.WaitUntilGoneAsync(StopWithin));
    }

    [Fact]
    public async Task Closing_the_tab_cancels_its_run_and_leaves_none_of_its_processes_on_the_server()
    {
        var page = new ProcessPage(await Browser.NewPageAsync());
        await page.Shell.GotoAsync("/processes");
        await page.Shell.ReplaceCodeAsync(SleepingParentAndChild);

        await page.RunButton.ClickAsync();
        await Expect(page.ConsoleLines.Filter(new() { HasText = "started" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var run = await RunOfAsync(page);
        Assert.NotEmpty(run.LiveProcesses());

        await page.Page.CloseAsync();

        // the circuit or the hub connection goes with the tab; the server kills the run's tree
        Assert.Empty(await run.WaitUntilGoneAsync(StopWithin));
    }

    private static async Task<SandboxedRun> RunOfAsync(ProcessPage page)
    {
        var identity = page.ConsoleLines.Filter(new() { HasText = "run-identity" });
        await Expect(identity).ToHaveCountAsync(1);
        return SandboxedRun.FromIdentityLine((await identity.TextContentAsync())!);
    }
}
