using System.Net;
using System.Net.Http.Json;
using Playground.Shared.Scenarios;

namespace Playground.Client.Services;

/// <summary>Scenarios over the server's HTTP API, for pages running in WebAssembly.</summary>
public sealed class HttpScenarioService(HttpClient http) : IScenarioService
{
    public async Task<IReadOnlyList<BuiltInScenario>> GetBuiltInsAsync(string page, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<BuiltInScenario>>(
            "api/scenarios/builtin?page=" + Uri.EscapeDataString(page), cancellationToken) ?? [];

    public async Task<SharedScenario?> GetSharedAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ScenarioIds.IsWellFormed(id))
        {
            return null;
        }

        using var response = await http.GetAsync("api/scenarios/" + id, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SharedScenario>(cancellationToken);
    }

    public async Task<ShareOutcome> ShareAsync(ShareRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/scenarios", request, cancellationToken);
            var outcome = await response.Content.ReadFromJsonAsync<ShareOutcome>(cancellationToken);
            return outcome ?? ShareOutcome.Refused(ShareRefusal.Unavailable, "The server gave no answer; try again.");
        }
        catch (HttpRequestException)
        {
            return ShareOutcome.Refused(ShareRefusal.Unavailable, "The server could not be reached; your code is still in the editor.");
        }
        catch (System.Text.Json.JsonException)
        {
            return ShareOutcome.Refused(ShareRefusal.Unavailable, "The server's answer could not be read; try again.");
        }
    }
}
