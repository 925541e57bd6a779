using System.Text.Json;

namespace Playground.Shared.Hub;

/// <summary>
/// The strings of one table on the hub (a chunk's reasons and labels, a batch's event kinds and process
/// names), each once, by the index its rows name it with; and the rows' plain numbers, written as one
/// array each. In the browser's interpreted .NET reading JSON costs by the token, so the hub's big
/// payloads say each string once and leave field names out.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int this[string text] => _index[text];

    public void Add(string text)
    {
        if (_index.TryAdd(text, _strings.Count))
        {
            _strings.Add(text);
        }
    }

    /// <summary>Writes the table as the property <paramref name="name"/> of the object being written.</summary>
    public void Write(Utf8JsonWriter writer, string name = "strings")
    {
        writer.WriteStartArray(name);
        foreach (var s in _strings)
        {
            writer.WriteStringValue(s);
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads the table written as the property <paramref name="name"/> of <paramref name="table"/>.</summary>
    public static string[] Read(JsonElement table, string name = "strings") =>
        table.ValueKind == JsonValueKind.Object && table.TryGetProperty(name, out var strings) && strings.ValueKind == JsonValueKind.Array
            ? [.. strings.EnumerateArray().Select(s => s.GetString() ?? throw new JsonException($"A table's {name} are strings."))]
            : throw new JsonException($"A table has its {name}.");

    public static string At(string[] strings, JsonElement index) =>
        index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var i) && i >= 0 && i < strings.Length
            ? strings[i]
            : throw new JsonException("A string's index is not in its table.");

    /// <summary>The rows written as the property <paramref name="name"/> of <paramref name="table"/>.</summary>
    public static JsonElement Rows(JsonElement table, string name) =>
        table.ValueKind == JsonValueKind.Object && table.TryGetProperty(name, out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows
            : throw new JsonException($"A table of {name} is an object with its strings and its {name}.");

    /// <summary>Refuses a row that is not an array of <paramref name="length"/> values.</summary>
    public static void Expect(JsonElement row, int length, string what)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != length)
        {
            throw new JsonException($"A {what} is a row of {length} values.");
        }
    }

    /// <summary>A row of plain numbers: <c>[a, b, c]</c>.</summary>
    public static void WriteNumbers(Utf8JsonWriter writer, params ReadOnlySpan<long> values)
    {
        writer.WriteStartArray();
        foreach (var v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }
}
