using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Server.Scenarios;
using Playground.Server.Storage;
using Playground.Shared.Pages;
using Playground.Shared.Scenarios;

namespace Playground.Server.Api;

/// <summary>
/// The HTTP API pages use once they run in WebAssembly: built-in scenarios, shared ones, and Share.
/// Refusals carry a <see cref="ShareOutcome"/> whose message the page shows as it is.
/// </summary>
public static class ScenarioEndpoints
{
    /// <summary>A share body larger than this is refused before it is read (the code limit plus JSON's escaping).</summary>
    private const int BodyToCodeRatio = 7;

    public static IEndpointRouteBuilder MapScenarioApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/scenarios");

        api.MapGet("/builtin", Results<Ok<IReadOnlyList<BuiltInScenario>>, NotFound> (string page, BuiltInScenarioCatalog catalog) =>
            PageCatalog.Find(page) is null ? TypedResults.NotFound() : TypedResults.Ok(catalog.ForPage(page)));

        api.MapGet("/{id}", async Task<Results<Ok<SharedScenario>, NotFound>> (string id, IScenarioService scenarios, CancellationToken ct) =>
            await scenarios.GetSharedAsync(id, ct) is { } scenario ? TypedResults.Ok(scenario) : TypedResults.NotFound());

        api.MapPost("/", async (HttpContext http, IScenarioService scenarios, ClientKey client,
            Microsoft.Extensions.Options.IOptions<Hosting.PlaygroundOptions> options, CancellationToken ct) =>
        {
            var maxBody = (long)options.Value.Limits.MaxCodeBytes * BodyToCodeRatio;
            var tooLarge = Results.Json(ShareOutcome.Refused(ShareRefusal.TooLarge,
                $"The scenario is too large to share: a shared scenario can hold at most {options.Value.Limits.MaxCodeBytes / 1024} KiB of code."),
                statusCode: StatusCodes.Status413PayloadTooLarge);
            if (http.Request.ContentLength > maxBody)
            {
                return tooLarge;
            }

            // A chunked body has no length to check up front: Kestrel stops reading it at the same cap.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = maxBody;
            }

            ShareRequest? request;
            try
            {
                request = await http.Request.ReadFromJsonAsync<ShareRequest>(ct);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return tooLarge;
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
            {
                request = null;
            }

            if (request is null || request.Page is null || request.Code is null)
            {
                return Results.Json(ShareOutcome.Refused(ShareRefusal.UnknownPage, "The request was not a scenario: it needs a page and code."),
                    statusCode: StatusCodes.Status400BadRequest);
            }

            client.Identify(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            var outcome = await scenarios.ShareAsync(request, ct);
            var status = outcome.Refusal switch
            {
                ShareRefusal.None => StatusCodes.Status201Created,
                ShareRefusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
                ShareRefusal.RateLimited => StatusCodes.Status429TooManyRequests,
                ShareRefusal.UnknownPage => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            if (outcome.Path is not null)
            {
                http.Response.Headers.Location = outcome.Path;
            }

            return Results.Json(outcome, statusCode: status);
        });

        return routes;
    }
}
