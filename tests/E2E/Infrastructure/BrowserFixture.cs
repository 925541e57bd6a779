using Microsoft.Playwright;
using Xunit;

namespace Playground.Tests.E2E.Infrastructure;

/// <summary>
/// One server and one Chromium for all browser tests. Debian's /usr/bin/chromium is launched with the
/// flags this machine needs (no sandbox as root, no background networking on a closed network).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _open = [];

    private IPlaywright? _playwright;

    public PlaygroundServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(PlaygroundServer.RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        Server = await PlaygroundServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage), like a new visitor.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, ColorScheme scheme = ColorScheme.Light, PlaygroundServer? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        context.SetDefaultTimeout(20_000);
        lock (_open)
        {
            _open.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Closes every page opened since the last call: the tabs of the test that just ended.</summary>
    public async Task CloseOpenPagesAsync()
    {
        IBrowserContext[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// The whole page from the top. Chromium draws the fixed app bar and drawer of a full-page capture where
    /// the scrolled window has them, so a test that had scrolled down got them across the middle of the
    /// page: it is captured scrolled to the top, then scrolled back to where the test was.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var scrolled = await page.EvaluateAsync<double[]>("() => { const at = [window.scrollX, window.scrollY]; window.scrollTo(0, 0); return at; }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        await page.EvaluateAsync("([x, y]) => window.scrollTo(x, y)", scrolled);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
