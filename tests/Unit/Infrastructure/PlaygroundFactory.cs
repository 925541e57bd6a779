using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Playground.Tests.Unit.Infrastructure;

/// <summary>
/// The real server in memory, on a data folder of its own (SQLite), or on PostgreSQL when given a
/// connection string. Settings can be overridden per test class (limits).
/// </summary>
public sealed class PlaygroundFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new();
    private readonly Dictionary<string, string?> _settings;

    public PlaygroundFactory(IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Playground:DataDirectory"] = _data.Path,
        };
    }

    public string DataDirectory => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryPaths.Server);
        builder.UseEnvironment("Production");
        // UseSetting, not ConfigureAppConfiguration: Program reads storage settings while it registers
        // services, before the factory's configuration callbacks would run.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
