using Bunit;
using Playground.Client.Pages;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Pages;

/// <summary>The pages a person sees when a link leads nowhere or the server fails: words and a way back, never a stack trace.</summary>
public sealed class ErrorPagesTests : BunitTestBase
{
    [Fact]
    public void The_not_found_page_says_what_a_shared_link_looks_like_and_links_home()
    {
        var page = Context.Render<NotFound>();

        Assert.Equal("Nothing lives at this address", page.Find("h1").TextContent);
        Assert.Contains("twelve letters and digits", page.Markup, StringComparison.Ordinal);
        Assert.Equal("/", page.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void The_error_page_reassures_that_shared_scenarios_are_safe_and_links_home()
    {
        var page = Context.Render<Error>();

        Assert.Equal("Something went wrong on our side", page.Find("h1").TextContent);
        Assert.Contains("Shared scenarios are kept safe", page.Markup, StringComparison.Ordinal);
        Assert.Equal("/", page.Find("a").GetAttribute("href"));
    }
}
