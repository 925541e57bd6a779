using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Playground.Shared.Scenarios;

namespace Playground.Server.Storage;

/// <summary>
/// Shared scenarios. SQLite and PostgreSQL each have a context type of their own so that each keeps
/// its own migrations (EF Core's "multiple providers" pattern); the model is this one.
/// </summary>
public abstract class PlaygroundDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SavedScenario> Scenarios => Set<SavedScenario>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        Configure(modelBuilder.Entity<SavedScenario>());
    }

    private static void Configure(EntityTypeBuilder<SavedScenario> scenario)
    {
        scenario.ToTable("scenarios");
        scenario.HasKey(s => s.Id);
        scenario.Property(s => s.Id).HasColumnName("id").HasMaxLength(ScenarioIds.Length).IsFixedLength();
        scenario.Property(s => s.Page).HasColumnName("page").HasMaxLength(SavedScenario.PageMaxLength);
        scenario.Property(s => s.Title).HasColumnName("title").HasMaxLength(SavedScenario.TitleMaxLength);
        scenario.Property(s => s.Code).HasColumnName("code");
        scenario.Property(s => s.OptionsJson).HasColumnName("options_json");
        scenario.Property(s => s.CreatedAt).HasColumnName("created_at");
    }
}

public sealed class SqlitePlaygroundDbContext(DbContextOptions<SqlitePlaygroundDbContext> options) : PlaygroundDbContext(options);

public sealed class PostgresPlaygroundDbContext(DbContextOptions<PostgresPlaygroundDbContext> options) : PlaygroundDbContext(options);
