using Bunit;
using Playground.Client.Pages;
using Playground.Shared.Pages;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Pages;

public sealed class HomeTests : BunitTestBase
{
    [Fact]
    public void Home_explains_both_modules_and_links_to_all_nine_pages()
    {
        var home = Context.Render<Home>();

        Assert.Contains("cyclic garbage", home.Find("[data-testid='module-memory']").TextContent, StringComparison.Ordinal);
        Assert.Contains("real python3 processes", home.Find("[data-testid='module-processes']").TextContent, StringComparison.Ordinal);
        foreach (var page in PageCatalog.All)
        {
            var link = home.Find($"[data-testid='home-{page.Key.Replace('/', '-')}']");
            Assert.Contains(page.Title, link.TextContent, StringComparison.Ordinal);
        }
    }
}
