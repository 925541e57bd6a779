using Playground.Shared.Scenarios;

namespace Playground.Server.Scenarios;

/// <summary>
/// Reads a built-in scenario file. The file is plain Python that opens with a header of comment lines:
/// <code>
/// # title: Five workers
/// # page: processes
/// # explanation: Five Process objects start, print and are joined.
/// #   An indented comment line continues the value above it.
/// </code>
/// The header ends at the first line that is not a comment; the code shown in the editor is the rest.
/// </summary>
public static class ScenarioFileParser
{
    public static BuiltInScenario Parse(string slug, string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        string? lastKey = null;
        var index = 0;
        for (; index < lines.Length && lines[index].StartsWith('#'); index++)
        {
            var body = lines[index][1..];
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            if (body.StartsWith("  ", StringComparison.Ordinal) && lastKey is not null)
            {
                header[lastKey] += " " + body.Trim();
            }
            else if (colon > 0 && body[..colon].Trim() is { Length: > 0 } key && key.All(char.IsLetter))
            {
                lastKey = key.ToLowerInvariant();
                header[lastKey] = body[(colon + 1)..].Trim();
            }
            else
            {
                break;
            }
        }

        string Required(string key) => header.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"{fileName}, line 1: the header has no '# {key}:' line.");

        var code = string.Join('\n', lines[index..]).Trim('\n') + "\n";
        return new BuiltInScenario(slug, Required("page"), Required("title"), Required("explanation"), code);
    }
}
