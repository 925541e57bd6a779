using Microsoft.Playwright;

namespace Playground.Tests.E2E.PageObjects;

/// <summary>A process page's live view: Run / Stop, the lanes, the timeline with its arrows and cursor, the console, the replay and the run's ending.</summary>
public sealed class ProcessPage(IPage page)
{
    public ScenarioPage Shell { get; } = new(page);

    public IPage Page => page;

    public ILocator RunButton => page.Locator("button[data-testid='run']");

    public ILocator StopButton => page.Locator("button[data-testid='stop']");

    public ILocator Lanes => page.GetByTestId("process-lane");

    public ILocator ConsoleLines => page.GetByTestId("console-line");

    public ILocator Ending => page.GetByTestId("run-ending");

    /// <summary>How the run was fenced in, in a student's words (the layers' names in its title).</summary>
    public ILocator Isolation => page.GetByTestId("run-isolation");

    public ILocator WaitForGraph => page.GetByTestId("wait-for-graph");

    /// <summary>The graph's boxes (data-kind Process or Resource, data-cycle true on the cycle) and arrows (data-kind WaitsFor, HeldBy, Joins).</summary>
    public ILocator WaitForNodes => page.GetByTestId("wait-for-node");

    public ILocator WaitForEdges => page.GetByTestId("wait-for-edge");

    /// <summary>The sentence under the graph that names the cycle.</summary>
    public ILocator WaitForCycle => page.GetByTestId("wait-for-cycle");

    /// <summary>The timeline's lane names marked as in the deadlock, and the outlines labelled "in deadlock" around their lanes.</summary>
    public ILocator DeadlockedLaneNames => page.Locator("[data-testid='timeline-lane-name'][data-deadlock='true']");

    public ILocator DeadlockOutlines => page.GetByTestId("timeline-deadlock");

    public ILocator TimelineLaneNames => page.GetByTestId("timeline-lane-name");

    public ILocator TimelinePlot => page.GetByTestId("timeline-plot");

    public ILocator MessageArrows => page.GetByTestId("message-arrow");

    public ILocator TimelineCursor => page.GetByTestId("timeline-cursor");

    public ILocator CursorStates => page.GetByTestId("cursor-state");

    /// <summary>
    /// The cursor panel's line for one process: its name and what it was doing at the cursor. Found by the
    /// name in its first cell, as another row's state can name it too ("waiting to join (Process-1)").
    /// </summary>
    public ILocator CursorLane(string processName) => page.GetByTestId("cursor-lane").Filter(new()
    {
        Has = page.Locator("td:first-child", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(processName) + "\\s*$") }),
    });

    public ILocator ReplayFirst => page.Locator("button[data-testid='step-first']");

    public ILocator ReplayPosition => page.GetByTestId("step-position");

    /// <summary>The Step mode switch's checkbox (MudSwitch puts the test id on the input itself).</summary>
    public ILocator StepModeSwitch => page.Locator("input[data-testid='step-mode']");

    public ILocator StepPanel => page.GetByTestId("step-panel");

    public ILocator CounterActual => page.GetByTestId("counter-actual");

    public ILocator CounterExpected => page.GetByTestId("counter-expected");

    public ILocator LostUpdate => page.GetByTestId("lost-update");

    /// <summary>The lock view's "Held by" and "Waiting" cells, one per lock in the order locks were first used.</summary>
    public ILocator LockHolders => page.GetByTestId("lock-holders");

    public ILocator LockWaiters => page.GetByTestId("lock-waiters");

    /// <summary>The summary table's exit-code cells ("running" for a process that had not exited at the instant shown).</summary>
    public ILocator SummaryExitCodes => page.GetByTestId("summary-exit");

    public ILocator RunFreelyButton => page.Locator("button[data-testid='run-free']");

    public Task SelectScenarioAsync(string title) => Shell.SelectScenarioAsync(title);

    /// <summary>The pid the timeline shows beside a process's name.</summary>
    public async Task<string> PidOfAsync(string processName) =>
        (await TimelineLaneNames.Filter(new() { HasText = processName }).First.Locator(".pid").TextContentAsync())!.Trim();

    /// <summary>Clicks the timeline's lanes at <paramref name="fraction"/> of their width, placing the cursor there.</summary>
    public async Task ClickTimelineAtAsync(double fraction)
    {
        var box = (await TimelinePlot.BoundingBoxAsync())!;
        await TimelinePlot.ClickAsync(new() { Position = new() { X = (float)(box.Width * fraction), Y = box.Height - 8 } });
    }

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

    /// <summary>The contrast ratio (WCAG's) of each console line's process name against what lies under it (<see cref="TextContrast"/>).</summary>
    public Task<double[]> ConsoleNameContrastsAsync() => TextContrast.OfAsync(page.Locator("[data-testid='console-line'] .who"));
}
