using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Shell;

/// <summary>
/// Interactive Auto: the first visit runs on the server; once the WebAssembly runtime is downloaded,
/// later visits run in the browser and reach the server through the HTTP API and the SignalR hub.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAssemblyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task After_the_first_visit_pages_run_in_WebAssembly_and_share_through_the_api()
    {
        var page = new ScenarioPage(await Browser.NewPageAsync());
        await page.GotoAsync("/memory/gc");
        var footer = page.Page.GetByTestId("footer");

        // The runtime downloads in the background during the first visit; a later load picks it up.
        for (var attempt = 0; attempt < 30 && await footer.GetAttributeAsync("data-renderer") != "WebAssembly"; attempt++)
        {
            await page.Page.WaitForTimeoutAsync(1000);
            await page.GotoAsync("/memory/gc");
        }

        await Expect(footer).ToHaveAttributeAsync("data-renderer", "WebAssembly");
        await Expect(footer).ToContainTextAsync("Python 3.");
        await page.ReplaceCodeAsync("print('from webassembly')\n");
        var link = await page.ShareAsync();

        var reader = new ScenarioPage(await Browser.NewPageAsync());
        await reader.GotoAsync(link);
        Assert.Equal("print('from webassembly')\n", await reader.CodeAsync());
    }
}
