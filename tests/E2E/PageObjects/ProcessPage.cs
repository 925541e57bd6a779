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

    public Task SelectScenarioAsync(string title) => Shell.SelectScenarioAsync(title);
}
