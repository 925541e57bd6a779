using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Playground.Server.Storage;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Storage;

public sealed class SqliteScenarioStoreTests : ScenarioStoreContract
{
    private readonly TemporaryDirectory _folder = new();

    private string ConnectionString => $"Data Source={Path.Combine(_folder.Path, "playground.db")}";

    protected override PlaygroundDbContext CreateContext() =>
        new SqlitePlaygroundDbContext(new DbContextOptionsBuilder<SqlitePlaygroundDbContext>().UseSqlite(ConnectionString).Options);

    protected override Task ResetAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_server_turns_on_write_ahead_logging()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Playground:DataDirectory"] = _folder.Path })
            .Build();
        services.AddPlaygroundStorage(configuration, _folder.Path);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        await provider.MigratePlaygroundStorageAsync();

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
