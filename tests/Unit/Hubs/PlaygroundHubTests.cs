using Microsoft.AspNetCore.SignalR;
using Playground.Engines.Processes;
using Playground.Server.Hubs;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Hubs;

/// <summary>What the hub lets through to the browser when a run is refused.</summary>
public sealed class PlaygroundHubTests
{
    private static async IAsyncEnumerable<ProcessRunUpdate> Refused()
    {
        await Task.Yield();
        throw new SessionBusyException("This session already has a run; stop it before starting another.");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    [Fact]
    public async Task A_second_run_in_a_tab_is_refused_with_a_hub_exception_carrying_the_sentence()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in PlaygroundHub.Refusals(Refused(), CancellationToken.None))
            {
            }
        });

        Assert.Equal("This session already has a run; stop it before starting another.", refusal.Message);
    }
}
