using System.Net;
using System.Net.Http.Json;
using Playground.Shared.Scenarios;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Api;

/// <summary>Share, open and 404 through the real server (in memory, SQLite in a temp folder).</summary>
public sealed class ShareApiTests : IDisposable
{
    private readonly PlaygroundFactory _factory = new();
    private readonly HttpClient _client;

    public ShareApiTests() => _client = _factory.CreateClient();

    [Fact]
    public async Task A_shared_scenario_opens_with_the_same_code_page_and_title()
    {
        var code = "import gc\nprint('héllo', gc.collect())\n";
        var response = await _client.PostAsJsonAsync("/api/scenarios",
            new ShareRequest("memory/gc", "My cycle", code, new Dictionary<string, string> { ["startMethod"] = "spawn" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<ShareOutcome>();
        Assert.NotNull(outcome);
        Assert.True(outcome.Succeeded);
        Assert.Equal("/s/" + outcome.Id, response.Headers.Location?.ToString());

        var shared = await _client.GetFromJsonAsync<SharedScenario>("/api/scenarios/" + outcome.Id);
        Assert.NotNull(shared);
        Assert.Equal(code, shared.Code);
        Assert.Equal("memory/gc", shared.Page);
        Assert.Equal("My cycle", shared.Title);
        Assert.Equal("spawn", shared.Options["startMethod"]);
    }

    [Fact]
    public async Task The_short_link_renders_the_page_with_the_shared_code()
    {
        var outcome = await ShareAsync("processes", "print('a shared line of code')\n");

        var html = await _client.GetStringAsync(outcome.Path);

        Assert.Contains("Processes", html, StringComparison.Ordinal);
        Assert.Contains("print(&#x27;a shared line of code&#x27;)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_an_edited_copy_makes_a_new_link_and_leaves_the_first_unchanged()
    {
        var first = await ShareAsync("memory/refcount", "x = 1\n");
        var second = await ShareAsync("memory/refcount", "x = 2\n");

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("x = 1\n", (await _client.GetFromJsonAsync<SharedScenario>("/api/scenarios/" + first.Id))!.Code);
        Assert.Equal("x = 2\n", (await _client.GetFromJsonAsync<SharedScenario>("/api/scenarios/" + second.Id))!.Code);
    }

    [Theory]
    [InlineData("/s/doesnotexist")]
    [InlineData("/s/AAAAAAAAAAAA")]
    [InlineData("/s/%2e%2e%2fetc")]
    [InlineData("/s/' OR 1=1 --")]
    [InlineData("/no/such/page")]
    public async Task Bad_links_get_the_friendly_404_page(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing lives at this address", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_in_the_api_is_404_not_500()
    {
        var response = await _client.GetAsync("/api/scenarios/AAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Code_over_64_KiB_is_refused_with_a_message()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios",
            new ShareRequest("memory/refcount", "big", new string('x', (64 * 1024) + 1), null));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<ShareOutcome>();
        Assert.Equal(ShareRefusal.TooLarge, outcome!.Refusal);
        Assert.Equal("The code is 64 KiB; a shared scenario can hold at most 64 KiB. Shorten it and share again.", outcome.Message);
    }

    [Fact]
    public async Task Code_of_exactly_64_KiB_is_accepted()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios",
            new ShareRequest("memory/refcount", "just fits", new string('x', 64 * 1024), null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_is_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", new ShareRequest("memory/nowhere", "t", "x = 1\n", null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'memory/nowhere' is not a page of the playground.", (await response.Content.ReadFromJsonAsync<ShareOutcome>())!.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_a_scenario_is_400()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/api/scenarios", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Built_in_scenarios_are_listed_per_page()
    {
        var scenarios = await _client.GetFromJsonAsync<List<BuiltInScenario>>("/api/scenarios/builtin?page=processes");

        Assert.Contains(scenarios!, s => s.Title == "Five workers");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/scenarios/builtin?page=nowhere")).StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_is_ready()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private async Task<ShareOutcome> ShareAsync(string page, string code)
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", new ShareRequest(page, "t", code, null));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ShareOutcome>())!;
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
