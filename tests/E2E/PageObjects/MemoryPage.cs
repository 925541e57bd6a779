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

    /// <summary>The log's lines for what the step freed ("freed Node: ...").</summary>
    public ILocator FreedLines => ChangeLog.Locator("li.mud-error-text");

    public ILocator Output => page.GetByTestId("run-output");

    public ILocator Outcome => page.GetByTestId("run-outcome");

    /// <summary>The heap graph's object cards (the reference counting page).</summary>
    public ILocator Cards => page.GetByTestId("heap-card");

    public ILocator Arrows => page.GetByTestId("heap-arrow");

    public ILocator FrameNames => page.GetByTestId("frame-name");

    public ILocator Details => page.GetByTestId("object-details");

    public ILocator Referrers => page.GetByTestId("details-referrers");

    /// <summary>The card of the object whose short value is <paramref name="value"/>.</summary>
    public ILocator Card(string value) => Cards.Filter(new() { Has = page.GetByTestId("card-value").GetByText(value, new() { Exact = true }) });

    /// <summary>The arrow labelled <paramref name="label"/> (a name, an index, a key or an attribute).</summary>
    public ILocator Arrow(string label) => page.Locator($"[data-testid='heap-arrow'][data-label=\"{label}\"]");

    /// <summary>Goes to step number <paramref name="step"/> (1-based, as the position shows it) with the keyboard.</summary>
    public async Task StepToAsync(int step)
    {
        await PressAsync("Home");
        await Expect(Position).ToContainTextAsync("Step 1 of ");
        await GoToStepAsync(step);
    }

    /// <summary>The garbage collector page: ticks on the step slider for the steps that ran a collection.</summary>
    public ILocator CollectionMarkers => page.GetByTestId("step-marker");

    public ILocator NextCollectionButton => page.Locator("button[data-testid='marker-next']");

    /// <summary>The garbage collector page: the objects of the collection on screen, as cards.</summary>
    public ILocator CollectionObjects => page.GetByTestId("gc-object");

    /// <summary>The garbage collector page: the live objects listed under their generation.</summary>
    public ILocator TrackedObjects => page.GetByTestId("gc-tracked-object");

    public ILocator PhasePosition => page.GetByTestId("gc-phase-position");

    /// <summary>Cards of the collection on screen whose status is <paramref name="status"/> (a GcObjectStatus name).</summary>
    public ILocator CollectionObjectsWithStatus(string status) =>
        page.Locator($"[data-testid='gc-object'][data-status='{status}']");

    /// <summary>Shows phase <paramref name="number"/> (1-based) of the collection on screen.</summary>
    public async Task ShowPhaseAsync(int number)
    {
        await page.GetByTestId("gc-phase-tab").Nth(number - 1).ClickAsync();
        await Expect(PhasePosition).ToContainTextAsync($"Phase {number} of ");
    }

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
    public async Task RunAsync(float timeoutMs = 20_000)
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
