namespace Playground.Server.Hosting;

/// <summary>Which database holds shared scenarios.</summary>
public enum StorageProvider
{
    /// <summary>A file under the data folder: nothing to set up. The default.</summary>
    Sqlite,

    /// <summary>Chosen when <c>ConnectionStrings:Postgres</c> is set (docker-compose does).</summary>
    PostgreSql,
}

/// <summary>The database chosen at start-up, for whoever needs to say which it is.</summary>
public sealed record StorageSelection(StorageProvider Provider)
{
    public string DisplayName => Provider == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";
}
