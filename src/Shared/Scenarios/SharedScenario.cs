namespace Playground.Shared.Scenarios;

/// <summary>
/// A scenario someone shared. Saved scenarios are immutable: sharing an edited copy makes a new one.
/// </summary>
/// <param name="Options">Page options at the time of sharing (start method, step mode, ...).</param>
public sealed record SharedScenario(
    string Id,
    string Page,
    string Title,
    string Code,
    IReadOnlyDictionary<string, string> Options,
    DateTimeOffset CreatedAt);
