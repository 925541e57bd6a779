using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.PageObjects;

/// <summary>A memory page's run view: Run, the step controls, objects, the change log and the output.</summary>
public sealed class MemoryPage(IPage page)
{
    public ScenarioPage Shell { get; } = new(page);

    public IPage Page => page;

    public ILocator RunButton => page.Locator("button[data-testid='run']");

    public ILocator Position => page.GetByTestId("step-position");

    public ILocator StepControls => page.GetByTestId("step-controls");

    public ILocator Objects => page.GetByTestId("heap-object");

    public ILocator ChangeLog => page.GetByTestId("refcount-log");

    public ILocator Output => page.GetByTestId("run-output");

    public ILocator Outcome => page.GetByTestId("run-outcome");

    /// <summary>Memory pools page: every carved pool's tile in the grid (data-state Used, Full or Empty).</summary>
    public ILocator PoolTiles => page.GetByTestId("pool-tile");

    /// <summary>Memory pools page: the arenas of the grid, and those given back to the system.</summary>
    public ILocator Arenas => page.GetByTestId("arena");

    public ILocator FreedArenas => page.GetByTestId("arena-freed");

    /// <summary>Memory pools page: the row of the size-class table for one class.</summary>
    public ILocator SizeClassRow(int sizeClass) => page.Locator($"[data-testid='size-class-row'][data-class='{sizeClass}']");

    public ILocator PoolDetail => page.GetByTestId("pool-detail");

    public ILocator PlacedObjects => page.GetByTestId("placed-object");

    public ILocator SelectedObject => page.GetByTestId("selected-object");

    public ILocator SystemAllocations => page.GetByTestId("system-allocation");

    /// <summary>Runs the script and waits for the first step; a script that makes thousands of objects may need a longer <paramref name="timeoutMs"/>.</summary>
    public async Task RunAsync(float timeoutMs = 5_000)
    {
        await RunButton.ClickAsync();
        await Expect(Position).ToContainTextAsync("Step 1 of ", new() { Timeout = timeoutMs });
    }

    /// <summary>Presses a key on the step controls, as a keyboard user would after tabbing to them.</summary>
    public async Task PressAsync(string key, int times = 1)
    {
        await StepControls.FocusAsync();
        for (var i = 0; i < times; i++)
        {
            await page.Keyboard.PressAsync(key);
        }
    }

    /// <summary>
    /// Goes to step <paramref name="number"/> (1-based, as the position reads) one arrow key at a time,
    /// waiting for each step to show, so no key press is lost while the page draws.
    /// </summary>
    public async Task GoToStepAsync(int number)
    {
        var position = await Position.TextContentAsync() ?? string.Empty;
        var current = int.Parse(position.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        await StepControls.FocusAsync();
        while (current != number)
        {
            var forward = current < number;
            await page.Keyboard.PressAsync(forward ? "ArrowRight" : "ArrowLeft");
            current += forward ? 1 : -1;
            await Expect(Position).ToContainTextAsync($"Step {current} of ");
        }
    }

    /// <summary>A screenshot of what is on screen with <paramref name="element"/> scrolled into view (not the whole page).</summary>
    public async Task ScreenshotAroundAsync(ILocator element, string name)
    {
        await element.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Infrastructure.BrowserFixture.ScreenshotDirectory, name + ".png") });
    }

    /// <summary>Steps forward until the change log mentions <paramref name="text"/>; returns the step's number.</summary>
    public async Task<int> StepForwardUntilLogSaysAsync(string text, int maxSteps = 200)
    {
        await StepControls.FocusAsync();
        for (var i = 0; i < maxSteps; i++)
        {
            if ((await ChangeLog.TextContentAsync() ?? string.Empty).Contains(text, StringComparison.Ordinal))
            {
                return i;
            }

            await page.Keyboard.PressAsync("ArrowRight");
        }

        throw new InvalidOperationException($"No step's log said '{text}' within {maxSteps} steps.");
    }
}
