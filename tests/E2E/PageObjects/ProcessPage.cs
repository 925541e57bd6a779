using Microsoft.Playwright;

namespace Playground.Tests.E2E.PageObjects;

/// <summary>A process page's live view: Run / Stop, the lanes, the console and the run's ending.</summary>
public sealed class ProcessPage(IPage page)
{
    public ScenarioPage Shell { get; } = new(page);

    public IPage Page => page;

    public ILocator RunButton => page.Locator("button[data-testid='run']");

    public ILocator StopButton => page.Locator("button[data-testid='stop']");

    public ILocator Lanes => page.GetByTestId("process-lane");

    public ILocator ConsoleLines => page.GetByTestId("console-line");

    public ILocator Ending => page.GetByTestId("run-ending");

    public ILocator WaitForGraph => page.GetByTestId("wait-for-graph");

    /// <summary>The Step mode switch's checkbox (MudSwitch puts the test id on the input itself).</summary>
    public ILocator StepModeSwitch => page.Locator("input[data-testid='step-mode']");

    public ILocator StepPanel => page.GetByTestId("step-panel");

    public ILocator CounterActual => page.GetByTestId("counter-actual");

    public ILocator CounterExpected => page.GetByTestId("counter-expected");

    public ILocator LostUpdate => page.GetByTestId("lost-update");

    /// <summary>The lock view's "Held by" and "Waiting" cells, one per lock in the order locks were first used.</summary>
    public ILocator LockHolders => page.GetByTestId("lock-holders");

    public ILocator LockWaiters => page.GetByTestId("lock-waiters");

    public ILocator RunFreelyButton => page.Locator("button[data-testid='run-free']");

    public Task SelectScenarioAsync(string title) => Shell.SelectScenarioAsync(title);

    /// <summary>Step mode's line for one process (by its exact name): its next operation and its Next button.</summary>
    public ILocator StepLane(string processName) =>
        page.GetByTestId("step-lane").Filter(new() { Has = page.Locator(".step-name", new() { HasTextRegex = new($"^{processName}$") }) });

    public ILocator NextOperation(string processName) => StepLane(processName).GetByTestId("step-next");

    /// <summary>Waits until <paramref name="processName"/> waits to do <paramref name="operation"/>, then grants it.</summary>
    public async Task GrantAsync(string processName, string operation)
    {
        await Assertions.Expect(NextOperation(processName)).ToContainTextAsync(operation, new() { Timeout = 30_000 });
        var next = StepLane(processName).GetByTestId("step-next-button");
        await Assertions.Expect(next).ToBeEnabledAsync();
        await next.ClickAsync();
    }
}
