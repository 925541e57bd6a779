using Microsoft.Playwright;

namespace Playground.Tests.E2E.PageObjects;

public sealed class NotFoundPage(IPage page)
{
    public ILocator Panel => page.GetByTestId("not-found");

    public ILocator Heading => Panel.Locator("h1");

    public ILocator BackHome => Panel.GetByRole(AriaRole.Link, new() { Name = "Back to the playground" });
}
