using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Server.Hosting;
using Playground.Server.Scenarios;
using Playground.Server.Storage;
using Playground.Shared.Scenarios;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Storage;

/// <summary>
/// What every database behind the scenario store must do; run once on SQLite and once on a real
/// PostgreSQL. Each database starts empty and is migrated the way the server does at start-up.
/// </summary>
public abstract class ScenarioStoreContract : IAsyncLifetime
{
    private readonly IOptions<PlaygroundOptions> _options = Options.Create(new PlaygroundOptions());

    protected abstract PlaygroundDbContext CreateContext();

    protected abstract Task ResetAsync();

    public async Task InitializeAsync()
    {
        await ResetAsync();
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private ScenarioStore Store(PlaygroundDbContext db) =>
        new(db, new BuiltInScenarioCatalog(RepositoryPaths.Scenarios), new ShareRateLimiter(_options), new ClientKey(), _options, TimeProvider.System);

    [Fact]
    public async Task A_saved_scenario_reads_back_unchanged_from_a_new_connection()
    {
        const string code = "# ünïcödé ✓\nnodes = [[] for _ in range(3)]\nprint('\\t', nodes)\n";
        string id;
        await using (var db = CreateContext())
        {
            var outcome = await Store(db).ShareAsync(new ShareRequest("memory/refcount", "Unicode", code,
                new Dictionary<string, string> { ["speed"] = "2" }));
            Assert.True(outcome.Succeeded);
            id = outcome.Id!;
        }

        await using (var db = CreateContext())
        {
            var shared = await Store(db).GetSharedAsync(id);
            Assert.NotNull(shared);
            Assert.Equal(code, shared.Code);
            Assert.Equal("Unicode", shared.Title);
            Assert.Equal("memory/refcount", shared.Page);
            Assert.Equal("2", shared.Options["speed"]);
            Assert.True(DateTimeOffset.UtcNow - shared.CreatedAt < TimeSpan.FromMinutes(5));
        }
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_read_as_null()
    {
        await using var db = CreateContext();
        var store = Store(db);

        Assert.Null(await store.GetSharedAsync("AAAAAAAAAAAA"));
        Assert.Null(await store.GetSharedAsync("'; drop table scenarios; --"));
    }

    [Fact]
    public async Task A_long_title_is_cut_to_the_column_size_and_an_empty_one_named()
    {
        await using var db = CreateContext();
        var store = Store(db);

        var longTitle = await store.ShareAsync(new ShareRequest("processes", new string('t', 500), "pass\n", null));
        var noTitle = await store.ShareAsync(new ShareRequest("processes", "   ", "pass\n", null));

        Assert.Equal(SavedScenario.TitleMaxLength, (await store.GetSharedAsync(longTitle.Id!))!.Title.Length);
        Assert.Equal("Untitled scenario", (await store.GetSharedAsync(noTitle.Id!))!.Title);
    }
}
