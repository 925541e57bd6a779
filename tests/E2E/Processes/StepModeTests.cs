using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Processes;

/// <summary>
/// Step mode against real python3: the student decides which process does its next operation, and so
/// can make the interleavings that free runs show only now and then — the lost update and the deadlock.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StepModeTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Worker1 = "Process-1";
    private const string Worker2 = "Process-2";

    private async Task<ProcessPage> StartInStepModeAsync(string path, string scenario)
    {
        var page = new ProcessPage(await Browser.NewPageAsync(height: 900));
        await page.Shell.GotoAsync(path);
        await page.SelectScenarioAsync(scenario);
        await page.StepModeSwitch.CheckAsync();
        await page.RunButton.ClickAsync();
        await Expect(page.StepPanel).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task Granting_both_reads_before_either_write_loses_an_update_of_the_unlocked_counter()
    {
        var page = await StartInStepModeAsync("/processes/shared", "Lost update by hand");

        await page.GrantAsync(Worker1, "value.read");
        await page.GrantAsync(Worker2, "value.read");
        // both read 0, so both will write 1
        await page.GrantAsync(Worker1, "value.write Value-");
        await Expect(page.NextOperation(Worker2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^value.write Value-\\S+ ← 1$"));
        await page.GrantAsync(Worker2, "value.write");

        await Expect(page.CounterActual).ToHaveTextAsync("1");
        await Expect(page.CounterExpected).ToHaveTextAsync("2");
        await Expect(page.LostUpdate).ToHaveTextAsync("1 update lost");

        await page.RunFreelyButton.ClickAsync();
        await Expect(page.Ending).ToContainTextAsync("Finished with exit code 0", new() { Timeout = 30_000 });
        await Expect(page.ConsoleLines.Filter(new() { HasText = "Counter: 1 (expected 2)" })).ToHaveCountAsync(1);
        await Expect(page.CounterActual).ToHaveTextAsync("1");
        await page.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-step-mode-lost-update");
    }

    [Fact]
    public async Task Granting_each_worker_its_first_lock_and_then_its_second_makes_the_two_lock_deadlock()
    {
        var page = await StartInStepModeAsync("/processes/locks", "Two locks, opposite order");

        await page.GrantAsync(Worker1, "lock.acquire");
        await page.GrantAsync(Worker2, "lock.acquire");
        // each holds its first lock; the next acquire each waits to do is the lock the other holds
        await Expect(page.LockHolders).ToHaveTextAsync([Worker1, Worker2], new() { Timeout = 30_000 });
        await page.GrantAsync(Worker1, "lock.acquire");
        await page.GrantAsync(Worker2, "lock.acquire");
        await Expect(page.LockWaiters).ToHaveTextAsync([Worker2, Worker1]);
        await Expect(page.NextOperation(Worker1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^blocked on a lock \\(Lock \\S+\\) — nothing to grant now$"));
        await page.GrantAsync("MainProcess", "process.join Process-1");

        await Expect(page.Ending).ToContainTextAsync("deadlock", new() { Timeout = 30_000 });
        await Expect(page.WaitForNodes).ToHaveCountAsync(5);
        await Expect(page.WaitForEdges.And(page.Page.Locator("[data-kind='HeldBy'][data-cycle='true']"))).ToHaveCountAsync(2);
        await Expect(page.WaitForCycle).ToContainTextAsync("Process-1 → Process-2 → Process-1");
        await Expect(page.DeadlockOutlines).ToHaveCountAsync(2);
        await page.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page.Page, "processes-step-mode-deadlock");
    }
}
