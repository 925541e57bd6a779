using Microsoft.EntityFrameworkCore;
using Playground.Server.Hosting;

namespace Playground.Server.Storage;

/// <summary>
/// Chooses the database and brings its schema up to date at start-up: SQLite in the data folder
/// unless <c>ConnectionStrings:Postgres</c> is set.
/// </summary>
public static class StorageSetup
{
    public const string PostgresConnectionName = "Postgres";

    public static StorageProvider AddPlaygroundStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var postgres = configuration.GetConnectionString(PostgresConnectionName);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddDbContext<PostgresPlaygroundDbContext>(o => o.UseNpgsql(postgres));
            services.AddScoped<PlaygroundDbContext>(sp => sp.GetRequiredService<PostgresPlaygroundDbContext>());
            services.AddSingleton(new StorageSelection(StorageProvider.PostgreSql));
            return StorageProvider.PostgreSql;
        }

        var dataDirectory = configuration[$"{PlaygroundOptions.Section}:{nameof(PlaygroundOptions.DataDirectory)}"] ?? new PlaygroundOptions().DataDirectory;
        dataDirectory = Path.GetFullPath(dataDirectory, contentRoot);
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, "playground.db");
        services.AddDbContext<SqlitePlaygroundDbContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddScoped<PlaygroundDbContext>(sp => sp.GetRequiredService<SqlitePlaygroundDbContext>());
        services.AddSingleton(new StorageSelection(StorageProvider.Sqlite));
        return StorageProvider.Sqlite;
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging, so readers never wait for a share.</summary>
    public static async Task MigratePlaygroundStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlaygroundDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
