namespace Playground.Shared.Scenarios;

/// <summary>A scenario that ships with the playground: a .py file under <c>scenarios/</c> with a header.</summary>
/// <param name="Slug">The file's name without <c>.py</c>, unique within its page.</param>
public sealed record BuiltInScenario(string Slug, string Page, string Title, string Explanation, string Code);
