namespace Playground.Shared.Hub;

/// <summary>What the server tells a page about itself: shown in the footer.</summary>
/// <param name="PythonVersion">The python3 the process engine and the memory oracle use, or null if none was found.</param>
/// <param name="Storage">"SQLite" or "PostgreSQL".</param>
public sealed record ServerInfo(string Version, string? PythonVersion, string Storage);
