using System.Net;
using System.Net.Http.Json;
using Playground.Shared.Scenarios;
using Playground.Tests.Unit.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [InlineData("memory/refcount", "data-testid=\"memory-view\"")]
    [InlineData("processes/locks", "data-testid=\"process-view\"")]
    public async Task The_short_link_opens_the_page_with_its_engine_view_ready_to_run(string page, string view)
    {
        var outcome = await ShareAsync(page, "x = 1\n");

        var html = await _client.GetStringAsync(outcome.Path);

        Assert.Contains(view, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"run\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_short_link_opens_the_process_page_with_the_start_method_it_was_shared_with()
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", new ShareRequest("processes", "t", "print(1)\n",
            new Dictionary<string, string> { [ScenarioOptionKeys.StartMethod] = "forkserver" }));
        var outcome = (await response.Content.ReadFromJsonAsync<ShareOutcome>())!;

        var html = await _client.GetStringAsync(outcome.Path);

        Assert.Contains("value=\"forkserver\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_without_a_value_is_refused_in_words_not_with_a_500()
    {
        using var content = new StringContent("{\"page\":\"processes\",\"title\":\"t\",\"code\":\"x\",\"options\":{\"k\":null}}",
            System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/api/scenarios", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Every option of a shared scenario needs a value.", (await response.Content.ReadFromJsonAsync<ShareOutcome>())!.Message);
    }

    [Fact]
    public async Task A_chunked_body_larger_than_the_limit_is_refused_without_being_read_whole()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new ShareRequest("memory/refcount", "big", new string('x', 64 * 1024 * 8), null));
        using var content = new StreamContent(new UnseekableStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/api/scenarios", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The scenario is too large to share", (await response.Content.ReadFromJsonAsync<ShareOutcome>())!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_inside_the_server_shows_the_friendly_error_page()
    {
        var outcome = await ShareAsync("memory/gc", "x = 1\n");
        using (var scope = _factory.Services.CreateScope())
        {
            // Break the storage under the running app: the next read of a shared scenario throws inside.
            var db = scope.ServiceProvider.GetRequiredService<Playground.Server.Storage.PlaygroundDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE scenarios");
        }

        var response = await _client.GetAsync(outcome.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

    [Fact]
    public async Task Favicon_ico_leads_to_the_svg_icon()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/favicon.svg", response.Headers.Location?.ToString());
        var icon = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ShareOutcome> ShareAsync(string page, string code)
    {
        var response = await _client.PostAsJsonAsync("/api/scenarios", new ShareRequest(page, "t", code, null));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ShareOutcome>())!;
    }

    /// <summary>A body whose length is unknown, so the client sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
