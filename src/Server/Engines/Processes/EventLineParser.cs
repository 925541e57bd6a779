using System.Text.Json;
using System.Text.RegularExpressions;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes;

/// <summary>
/// Turns one line of the event channel into a <see cref="ProcessEvent"/>, or says why not. The channel is
/// written by student-controlled processes, so every line is untrusted: a size cap, a JSON object with
/// the required fields of the right types, a dotted lower-case kind, a bounded number of fields.
/// </summary>
internal static partial class EventLineParser
{
    public const int MaxLineBytes = 16 * 1024;
    private const int MaxFields = 32;

    [GeneratedRegex("^[a-z_]{1,24}(\\.[a-z_]{1,24}){0,3}$")]
    private static partial Regex KindPattern();

    public static ProcessEvent? Parse(ReadOnlySpan<byte> line, out string? error)
    {
        error = null;
        if (line.Length > MaxLineBytes)
        {
            error = $"line longer than {MaxLineBytes} bytes";
            return null;
        }

        try
        {
            // One document for the event, which its fields then point into: JsonElement.ParseValue gives a
            // root that owns its copy of the line (nothing to dispose), where a JsonDocument to dispose
            // needed each field cloned into a document of its own, three to five per event, 100,000
            // events a few seconds.
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            var root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                error = "more than one JSON value";
                return null;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return null;
            }

            string? kind = null, name = null;
            int? pid = null;
            double? ts = null;
            long? seq = null;
            var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "kind" when property.Value.ValueKind == JsonValueKind.String:
                        kind = property.Value.GetString();
                        break;
                    case "name" when property.Value.ValueKind == JsonValueKind.String:
                        name = property.Value.GetString();
                        break;
                    case "pid" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var p) && p > 0:
                        pid = p;
                        break;
                    case "ts" when property.Value.ValueKind == JsonValueKind.Number:
                        ts = property.Value.GetDouble();
                        break;
                    case "seq" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var s) && s > 0:
                        seq = s;
                        break;
                    case "kind" or "name" or "pid" or "ts" or "seq":
                        error = $"field '{property.Name}' has the wrong type";
                        return null;
                    default:
                        if (data.Count >= MaxFields)
                        {
                            error = $"more than {MaxFields} fields";
                            return null;
                        }
                        data[property.Name] = property.Value;
                        break;
                }
            }

            if (kind is null || !KindPattern().IsMatch(kind))
                error = "missing or malformed 'kind'";
            else if (pid is null)
                error = "missing 'pid'";
            else if (name is null || name.Length > 128)
                error = "missing or over-long 'name'";
            else if (ts is null || seq is null)
                error = "missing 'ts' or 'seq'";
            return error is null ? new ProcessEvent(kind!, pid!.Value, name!, ts!.Value, seq!.Value, data) : null;
        }
        catch (JsonException e)
        {
            error = "not JSON: " + e.Message;
            return null;
        }
    }
}
