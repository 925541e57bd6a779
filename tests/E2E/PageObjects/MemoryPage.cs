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
        await PressAsync("ArrowRight", step - 1);
        await Expect(Position).ToContainTextAsync($"Step {step} of ");
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

    public async Task RunAsync()
    {
        await RunButton.ClickAsync();
        await Expect(Position).ToContainTextAsync("Step 1 of ");
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
