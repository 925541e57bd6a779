using Playground.Tests.E2E.Infrastructure;
using Playground.Tests.E2E.PageObjects;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Playground.Tests.E2E.Shell;

/// <summary>The share limit as a student meets it, on a server of its own allowing two shares a minute.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareLimitTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_third_share_in_a_minute_says_why_and_a_new_tab_does_not_get_round_it()
    {
        await using var server = await PlaygroundServer.StartAsync(new Dictionary<string, string> { ["Playground__Limits__SharesPerMinute"] = "2" });
        var page = new ScenarioPage(await Browser.NewPageAsync(server: server));
        await page.GotoAsync("/processes/pools");

        await page.ShareAsync();
        await page.ShareAsync();
        await page.ShareButton.ClickAsync();

        var refusal = page.Page.GetByTestId("share-error");
        await Expect(refusal).ToContainTextAsync("You have shared 2 scenarios in the last minute, the most allowed.");
        await Expect(page.ShareLink).ToBeHiddenAsync();
        // the links shown in the narrow column of the pools page did not push the page sideways
        Assert.Equal(0, await page.Page.EvaluateAsync<double>("() => window.scrollX"));
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
        await BrowserFixture.ScreenshotAsync(page.Page, "share-limit");

        var otherTab = new ScenarioPage(await Browser.NewPageAsync(server: server));
        await otherTab.GotoAsync("/processes");
        await otherTab.ShareButton.ClickAsync();
        await Expect(otherTab.Page.GetByTestId("share-error")).ToContainTextAsync("the most allowed");
    }
}
