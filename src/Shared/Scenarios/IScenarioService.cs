namespace Playground.Shared.Scenarios;

/// <summary>
/// Built-in and shared scenarios. The server implements it over storage; the browser over HTTP, so a
/// page works the same before and after it moves to WebAssembly.
/// </summary>
public interface IScenarioService
{
    Task<IReadOnlyList<BuiltInScenario>> GetBuiltInsAsync(string page, CancellationToken cancellationToken = default);

    /// <summary>The shared scenario, or null when the id is malformed or unknown.</summary>
    Task<SharedScenario?> GetSharedAsync(string id, CancellationToken cancellationToken = default);

    Task<ShareOutcome> ShareAsync(ShareRequest request, CancellationToken cancellationToken = default);
}
