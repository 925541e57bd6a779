using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Playground.Server.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build each context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlaygroundDbContext>
{
    public SqlitePlaygroundDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlaygroundDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlaygroundDbContext>
{
    public PostgresPlaygroundDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlaygroundDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
