using System.Security.Cryptography;

namespace Playground.Shared.Scenarios;

/// <summary>
/// Shared scenario ids: 12 characters of base62, drawn from a cryptographic generator. That is 62^12,
/// about 3.2e21 ids (71 bits), so a link cannot be guessed by walking the id space.
/// </summary>
public static class ScenarioIds
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>True when <paramref name="id"/> has the shape of an id; a malformed link never reaches storage.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'));

    public static string PathOf(string id) => "/s/" + id;
}
