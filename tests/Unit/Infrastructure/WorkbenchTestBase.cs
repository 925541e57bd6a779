using Bunit;
using Bunit.JSInterop.InvocationHandlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Playground.Client.Components.Editor;
using Playground.Client.Components.Scenarios;
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

    private JSRuntimeInvocationHandler<string>? _editorValue;

    /// <summary>
    /// What Monaco holds, as its getValue answers (Run reads the code from the editor itself), without the
    /// change event that would tell the workbench: a student's last keys whose event is still on its way.
    /// </summary>
    protected void HoldInEditor(string code) =>
        (_editorValue ??= Context.JSInterop.Setup<string>("blazorMonaco.editor.getValue", _ => true)).SetResult(code);

    /// <summary>Types <paramref name="code"/> into the workbench's editor: Monaco holds it and its change event reaches the workbench.</summary>
    protected async Task TypeAsync(IRenderedComponent<ScenarioWorkbench> workbench, string code)
    {
        HoldInEditor(code);
        await workbench.InvokeAsync(() => workbench.FindComponent<CodeEditor>().Instance.ValueChanged.InvokeAsync(code));
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
