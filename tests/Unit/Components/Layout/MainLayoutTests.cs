using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client;
using Playground.Client.Layout;
using Playground.Server.Hosting;
using Playground.Shared.Hub;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Components.Layout;

/// <summary>The shell around every page: app bar, theme, drawer and footer, over the server's real info service (real python3).</summary>
public sealed class MainLayoutTests : BunitTestBase
{
    // the footer asks the real python3 its version; bUnit's default wait of a second is short for a
    // python3 start on two busy cores
    private static readonly TimeSpan PythonStarts = TimeSpan.FromSeconds(15);

    public MainLayoutTests()
    {
        Context.Services.AddSingleton(new PythonRuntime());
        Context.Services.AddSingleton(new StorageSelection(StorageProvider.Sqlite));
        Context.Services.AddScoped<IServerInfoService, ServerInfoService>();
    }

    private IRenderedComponent<MainLayout> RenderLayout(bool systemIsDark)
    {
        // MudThemeProvider asks the browser for prefers-color-scheme through JS interop.
        Context.JSInterop.Setup<bool>(i => i.Identifier.Contains("DarkMode", StringComparison.OrdinalIgnoreCase)).SetResult(systemIsDark);
        RenderFragment body = b => b.AddMarkupContent(0, "<p data-testid='body'>page</p>");
        return Context.Render<MainLayout>(p => p.Add(l => l.Body, body));
    }

    [Fact]
    public void The_footer_shows_the_version_the_python_and_the_storage()
    {
        var layout = RenderLayout(systemIsDark: false);

        var footer = layout.Find("[data-testid='footer']");
        Assert.Contains("Python Internals Playground " + PlaygroundVersion.Current, footer.TextContent, StringComparison.Ordinal);
        layout.WaitForAssertion(() =>
            Assert.Matches(@"· Python 3\.\d+\.\d+ · storage: SQLite", layout.Find("[data-testid='footer']").TextContent), PythonStarts);
        Assert.Equal("page", layout.Find("[data-testid='body']").TextContent);
    }

    [Fact]
    public void The_theme_follows_a_dark_system_and_the_toggle_switches_it_to_light()
    {
        var layout = RenderLayout(systemIsDark: true);

        layout.WaitForAssertion(() =>
            Assert.Equal("Switch to light theme", layout.Find("[data-testid='theme-toggle']").GetAttribute("aria-label")));
        // the layout's first render has finished its work (the footer has asked python3), so nothing of it lands after the click
        layout.WaitForAssertion(() => Assert.Contains("· Python 3.", layout.Find("[data-testid='footer']").TextContent, StringComparison.Ordinal), PythonStarts);

        layout.Find("[data-testid='theme-toggle']").Click();

        layout.WaitForAssertion(() =>
            Assert.Equal("Switch to dark theme", layout.Find("[data-testid='theme-toggle']").GetAttribute("aria-label")));
        // and it stays the user's choice: a render after it (the drawer toggled) keeps the light theme
        layout.Find("[data-testid='drawer-toggle']").Click();
        Assert.Equal("Switch to dark theme", layout.Find("[data-testid='theme-toggle']").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_light_system_starts_light()
    {
        var layout = RenderLayout(systemIsDark: false);

        layout.WaitForAssertion(() => Assert.Contains("· Python 3.", layout.Find("[data-testid='footer']").TextContent, StringComparison.Ordinal), PythonStarts);
        Assert.Equal("Switch to dark theme", layout.Find("[data-testid='theme-toggle']").GetAttribute("aria-label"));
    }

    [Fact]
    public void Before_the_page_is_interactive_the_theme_toggle_is_disabled()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var layout = RenderLayout(systemIsDark: false);

        Assert.True(layout.Find("[data-testid='theme-toggle']").HasAttribute("disabled"));
    }
}
