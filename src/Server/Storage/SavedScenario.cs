namespace Playground.Server.Storage;

/// <summary>A shared scenario as stored. Rows are inserted once and never updated.</summary>
public sealed class SavedScenario
{
    public const int PageMaxLength = 64;
    public const int TitleMaxLength = 200;

    public required string Id { get; init; }
    public required string Page { get; init; }
    public required string Title { get; init; }
    public required string Code { get; init; }

    /// <summary>The page's options as a JSON object of strings.</summary>
    public required string OptionsJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
