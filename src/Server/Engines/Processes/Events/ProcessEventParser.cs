using System.Globalization;
using System.Text.Json;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes.Events;

/// <summary>
/// Turns one line from a run's event socket into a <see cref="ProcessEvent"/>, or says why not. The
/// socket is written by the student's processes, so every line is untrusted: it must be a JSON object of
/// a known kind with its fields, a positive pid, a finite timestamp and sizes within bounds.
/// </summary>
public static class ProcessEventParser
{
    public const int MaxNameLength = 200;
    public const int MaxFields = 16;
    public const int MaxFieldLength = 4096;

    private static readonly HashSet<string> CoreProperties = ["kind", "pid", "name", "ts", "seq"];

    public static bool TryParse(ReadOnlySpan<byte> line, out ProcessEvent? parsed, out string? error)
    {
        parsed = null;
        try
        {
            using var document = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            return TryRead(document.RootElement, out parsed, out error);
        }
        catch (JsonException)
        {
            error = "not JSON";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, out ProcessEvent? parsed, out string? error)
    {
        parsed = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "not a JSON object";
            return false;
        }

        if (!root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String
            || !ProcessEventKinds.RequiredFields.TryGetValue(kindElement.GetString()!, out var required))
        {
            error = "unknown kind";
            return false;
        }

        var kind = kindElement.GetString()!;
        if (!root.TryGetProperty("pid", out var pid) || !pid.TryGetInt32(out var pidValue) || pidValue <= 0
            || !root.TryGetProperty("ts", out var ts) || !ts.TryGetDouble(out var tsValue) || !double.IsFinite(tsValue)
            || !root.TryGetProperty("seq", out var seq) || !seq.TryGetInt64(out var seqValue) || seqValue <= 0
            || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || name.GetString()!.Length > MaxNameLength)
        {
            error = $"{kind}: missing or invalid pid, name, ts or seq";
            return false;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (CoreProperties.Contains(property.Name))
            {
                continue;
            }

            if (fields.Count == MaxFields || property.Name.Length > 64)
            {
                error = $"{kind}: too many or too long fields";
                return false;
            }

            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => string.Empty,
                _ => null,
            };
            if (text is null || text.Length > MaxFieldLength)
            {
                error = $"{kind}: field '{property.Name}' is not a short scalar";
                return false;
            }

            fields[property.Name] = text;
        }

        var missing = required.FirstOrDefault(f => !fields.ContainsKey(f));
        if (missing is not null)
        {
            error = $"{kind}: no '{missing}' field";
            return false;
        }

        parsed = new ProcessEvent(kind, pidValue, name.GetString()!, tsValue, seqValue, fields);
        error = null;
        return true;
    }

    /// <summary>A field read as a whole number, the way the instrumentation writes pids, sizes and exit codes.</summary>
    public static int? IntField(ProcessEvent e, string field) =>
        e[field] is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
