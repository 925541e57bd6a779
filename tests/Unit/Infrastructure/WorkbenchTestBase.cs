using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Playground.Client.Services;
using Playground.Server.Hosting;
using Playground.Server.Scenarios;
using Playground.Server.Storage;
using Playground.Shared.Scenarios;

namespace Playground.Tests.Unit.Infrastructure;

/// <summary>
/// A bUnit context that can render the shell every page shares (ScenarioWorkbench), over the real
/// scenario store: SQLite in a temp folder, migrated before each test, and the built-in scenarios.
/// </summary>
public abstract class WorkbenchTestBase : BunitTestBase
{
    private readonly TemporaryDirectory _data = new();

    protected WorkbenchTestBase()
    {
        var connection = $"Data Source={Path.Combine(_data.Path, "playground.db")}";
        Context.Services.AddDbContext<SqlitePlaygroundDbContext>(o => o.UseSqlite(connection));
        Context.Services.AddScoped<PlaygroundDbContext>(sp => sp.GetRequiredService<SqlitePlaygroundDbContext>());
        Context.Services.AddSingleton(Options.Create(new PlaygroundOptions()));
        Context.Services.AddSingleton(new BuiltInScenarioCatalog(RepositoryPaths.Scenarios));
        Context.Services.AddSingleton<ShareRateLimiter>();
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<ClientKey>();
        Context.Services.AddScoped<IScenarioService, ScenarioStore>();
        Context.Services.AddScoped<ScenarioDraft>();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.Services.MigratePlaygroundStorageAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
