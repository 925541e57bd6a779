using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Playground.Server.Hosting;

/// <summary>
/// The playground's settings, bound from the <c>Playground</c> section (environment: <c>Playground__...</c>).
/// Defaults live here and only here; they are validated at start-up.
/// </summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>Where the SQLite file lives; relative paths are taken from the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where the built-in scenario files are; relative paths are taken from the app's folder.</summary>
    [Required]
    public string ScenariosDirectory { get; set; } = "scenarios";

    [ValidateObjectMembers]
    public ShareLimits Limits { get; set; } = new();
}

/// <summary>Limits on what Share accepts.</summary>
public sealed class ShareLimits
{
    /// <summary>The largest scenario code that can be shared, in UTF-8 bytes (64 KiB).</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxCodeBytes { get; set; } = 64 * 1024;

    /// <summary>How many scenarios one client may share per minute.</summary>
    [Range(1, 100_000)]
    public int SharesPerMinute { get; set; } = 10;
}
