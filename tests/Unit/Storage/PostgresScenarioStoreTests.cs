using Microsoft.EntityFrameworkCore;
using Playground.Server.Storage;
using Xunit;

namespace Playground.Tests.Unit.Storage;

/// <summary>
/// The same contract on a real PostgreSQL server. scripts/test.sh starts one on a loopback port and
/// passes its connection string in PLAYGROUND_TEST_POSTGRES; when PostgreSQL cannot be installed the
/// script leaves this category out and says so.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresScenarioStoreTests : ScenarioStoreContract
{
    private static readonly string ConnectionString = Environment.GetEnvironmentVariable("PLAYGROUND_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PLAYGROUND_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");

    protected override PlaygroundDbContext CreateContext() =>
        new PostgresPlaygroundDbContext(new DbContextOptionsBuilder<PostgresPlaygroundDbContext>().UseNpgsql(ConnectionString).Options);

    protected override async Task ResetAsync()
    {
        await using var db = CreateContext();
        await db.Database.EnsureDeletedAsync();
    }
}
