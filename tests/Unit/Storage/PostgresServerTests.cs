using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Playground.Server.Hosting;
using Playground.Shared.Scenarios;
using Playground.Tests.Unit.Infrastructure;
using Xunit;

namespace Playground.Tests.Unit.Storage;

/// <summary>The whole server on PostgreSQL: it migrates a new database at start-up, then shares and opens.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task The_server_on_postgres_reports_healthy_and_round_trips_a_share()
    {
        var connection = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("PLAYGROUND_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PLAYGROUND_TEST_POSTGRES is not set: run the tests with scripts/test.sh."))
        {
            Database = "playground_server_" + Guid.NewGuid().ToString("N")[..8],
        };
        using var factory = new PlaygroundFactory(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connection.ConnectionString });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var shared = await client.PostAsJsonAsync("/api/scenarios", new ShareRequest("processes/locks", "pg", "print('pg')\n", null));
        var outcome = await shared.Content.ReadFromJsonAsync<ShareOutcome>();
        var read = await client.GetFromJsonAsync<SharedScenario>("/api/scenarios/" + outcome!.Id);

        Assert.Equal("print('pg')\n", read!.Code);
        Assert.Equal(StorageProvider.PostgreSql, factory.Services.GetRequiredService<StorageSelection>().Provider);

        // The row is in PostgreSQL itself, not in some SQLite file beside it.
        await using var db = new NpgsqlConnection(connection.ConnectionString);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("select code from scenarios where id = @id", db);
        query.Parameters.AddWithValue("id", outcome.Id!);
        Assert.Equal("print('pg')\n", (string?)await query.ExecuteScalarAsync());
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "playground.db")));
    }
}
