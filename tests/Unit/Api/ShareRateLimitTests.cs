using System.Net;
using System.Net.Http.Json;
using Playground.Shared.Scenarios;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Api;

public sealed class ShareRateLimitTests : IDisposable
{
    private readonly PlaygroundFactory _factory = new(new Dictionary<string, string?> { ["Playground:Limits:SharesPerMinute"] = "3" });

    [Fact]
    public async Task The_share_after_the_limit_is_refused_with_a_message_and_nothing_is_saved()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/scenarios", new ShareRequest("processes", "t", $"print({i})\n", null));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/scenarios", new ShareRequest("processes", "t", "print(3)\n", null));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var outcome = await refused.Content.ReadFromJsonAsync<ShareOutcome>();
        Assert.Equal(ShareRefusal.RateLimited, outcome!.Refusal);
        Assert.Null(outcome.Id);
        Assert.Equal("You have shared 3 scenarios in the last minute, the most allowed. Wait a minute and share again; your code stays in the editor.", outcome.Message);
    }

    public void Dispose() => _factory.Dispose();
}
