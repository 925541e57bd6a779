using Bunit;
using Playground.Client.Layout;
using Playground.Shared.Pages;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components;

public sealed class NavMenuTests : BunitTestBase
{
    [Fact]
    public void The_drawer_links_every_page_under_its_module()
    {
        var menu = Context.Render<NavMenu>();

        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/memory/refcount", "/memory/gc", "/memory/pools", "/processes", "/processes/queues",
            "/processes/shared", "/processes/locks", "/processes/events", "/processes/pools"], hrefs);
        Assert.Contains("Memory management", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Multiprocessing", menu.Markup, StringComparison.Ordinal);
        Assert.Equal("Locks & Semaphores", menu.Find("[data-testid='nav-processes-locks']").TextContent.Trim());
    }

    [Fact]
    public void Every_page_has_its_own_icon()
    {
        var icons = PageCatalog.All.Select(PageIcons.Of).ToList();

        Assert.Equal(icons.Count, icons.Distinct(StringComparer.Ordinal).Count());
    }
}
