using Microsoft.Playwright;

namespace Playground.Benchmarks.PageProbe;

/// <summary>Opens a page so that it runs in the browser's WebAssembly, as a student's second visit does.</summary>
public static class WebAssemblyPage
{
    /// <summary>
    /// Render mode Auto serves a first visit from the server (over the circuit) while the runtime
    /// downloads; blazor.web.js notes the resources' hash in localStorage once the runtime has started, and
    /// only with that note does a later visit wait for WebAssembly. So: visit, wait for the note, visit
    /// again, and check the shell says it renders in WebAssembly (ScenarioWorkbench's data-renderer).
    /// </summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('blazor-resource-hash:'))", null, new() { Timeout = 120_000 });
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-renderer='WebAssembly']", new() { Timeout = 60_000 });
    }
}
