namespace Playground.Shared.Scenarios;

/// <summary>Why a share was refused; <see cref="None"/> when it was saved.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ShareRefusal>))]
public enum ShareRefusal
{
    None,
    TooLarge,
    UnknownPage,
    RateLimited,
    Unavailable,
}

/// <summary>
/// The answer to a share: the new scenario's id and link, or a sentence saying why it was refused.
/// </summary>
public sealed record ShareOutcome(string? Id, ShareRefusal Refusal, string? Message)
{
    public bool Succeeded => Refusal == ShareRefusal.None && Id is not null;

    /// <summary>The short link that opens the scenario for anyone: <c>/s/{id}</c>.</summary>
    public string? Path => Id is null ? null : ScenarioIds.PathOf(Id);

    public static ShareOutcome Saved(string id) => new(id, ShareRefusal.None, null);

    public static ShareOutcome Refused(ShareRefusal refusal, string message) => new(null, refusal, message);
}
