namespace Playground.Shared.Scenarios;

/// <summary>What the Share button sends.</summary>
public sealed record ShareRequest(string Page, string Title, string Code, IReadOnlyDictionary<string, string>? Options);
