using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Server.Hosting;
using Playground.Server.Scenarios;
using Playground.Shared.Pages;
using Playground.Shared.Scenarios;

namespace Playground.Server.Storage;

/// <summary>The server's <see cref="IScenarioService"/>: built-ins from the catalog, shared ones from the database.</summary>
public sealed class ScenarioStore(
    PlaygroundDbContext db,
    BuiltInScenarioCatalog builtIns,
    ShareRateLimiter rateLimiter,
    ClientKey client,
    IOptions<PlaygroundOptions> options,
    TimeProvider time) : IScenarioService
{
    private const int MaxOptions = 32;
    private const int MaxOptionLength = 256;

    public Task<IReadOnlyList<BuiltInScenario>> GetBuiltInsAsync(string page, CancellationToken cancellationToken = default) =>
        Task.FromResult(builtIns.ForPage(page));

    public async Task<SharedScenario?> GetSharedAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ScenarioIds.IsWellFormed(id))
        {
            return null;
        }

        var saved = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return saved is null
            ? null
            : new SharedScenario(saved.Id, saved.Page, saved.Title, saved.Code, ReadOptions(saved.OptionsJson), saved.CreatedAt);
    }

    public async Task<ShareOutcome> ShareAsync(ShareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value.Limits;
        if (PageCatalog.Find(request.Page) is null)
        {
            return ShareOutcome.Refused(ShareRefusal.UnknownPage, $"'{request.Page}' is not a page of the playground.");
        }

        var code = request.Code ?? string.Empty;
        var bytes = Encoding.UTF8.GetByteCount(code);
        if (bytes > limits.MaxCodeBytes)
        {
            return ShareOutcome.Refused(ShareRefusal.TooLarge,
                $"The code is {bytes / 1024.0:0.#} KiB; a shared scenario can hold at most {limits.MaxCodeBytes / 1024.0:0.#} KiB. Shorten it and share again.");
        }

        var sharedOptions = request.Options ?? new Dictionary<string, string>();
        // JSON can say {"k": null} although the contract says text: refuse it in words, not with a 500.
        if (sharedOptions.Any(o => o.Value is null))
        {
            return ShareOutcome.Refused(ShareRefusal.UnknownPage, "Every option of a shared scenario needs a value.");
        }

        if (sharedOptions.Count > MaxOptions || sharedOptions.Any(o => o.Key.Length > MaxOptionLength || o.Value.Length > MaxOptionLength))
        {
            return ShareOutcome.Refused(ShareRefusal.TooLarge, "The page's options are too large to share.");
        }

        if (!rateLimiter.TryAcquire(client.Value))
        {
            return ShareOutcome.Refused(ShareRefusal.RateLimited,
                $"You have shared {rateLimiter.PermitsPerMinute} scenarios in the last minute, the most allowed. Wait a minute and share again; your code stays in the editor.");
        }

        var title = (request.Title ?? string.Empty).Trim();
        var saved = new SavedScenario
        {
            Id = ScenarioIds.NewId(),
            Page = request.Page,
            Title = title.Length == 0 ? "Untitled scenario" : title[..Math.Min(title.Length, SavedScenario.TitleMaxLength)],
            Code = code,
            OptionsJson = JsonSerializer.Serialize(sharedOptions),
            CreatedAt = time.GetUtcNow(),
        };
        db.Scenarios.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return ShareOutcome.Saved(saved.Id);
    }

    private static Dictionary<string, string> ReadOptions(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
