using Xunit;

namespace Playground.Tests.E2E.Infrastructure;

/// <summary>
/// A browser test: what it opened is closed when it ends, passed or failed. A tab left open keeps its
/// SignalR circuit, and with it a run of the process pages (a step-mode run waits five minutes for its
/// student), so one failed test held a run slot and every process test after it waited in the queue.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser => browser;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => browser.CloseOpenPagesAsync();
}
