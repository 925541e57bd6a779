namespace Playground.Shared.Pages;

/// <summary>
/// One page of the playground: where it lives, what it is called and what it teaches.
/// <see cref="Key"/> is what scenarios (built-in and shared) name as their page.
/// </summary>
public sealed record PlaygroundPage(
    string Key,
    string Route,
    string Title,
    PlaygroundModule Module,
    string Summary,
    string Explanation);
