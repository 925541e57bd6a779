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

    public ILocator WaitForGraph => page.GetByTestId("wait-for-graph");

    public ILocator TimelineLaneNames => page.GetByTestId("timeline-lane-name");

    public ILocator TimelinePlot => page.GetByTestId("timeline-plot");

    public ILocator MessageArrows => page.GetByTestId("message-arrow");

    public ILocator TimelineCursor => page.GetByTestId("timeline-cursor");

    public ILocator CursorStates => page.GetByTestId("cursor-state");

    public ILocator ReplayFirst => page.Locator("button[data-testid='step-first']");

    public ILocator ReplayPosition => page.GetByTestId("step-position");

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
}
