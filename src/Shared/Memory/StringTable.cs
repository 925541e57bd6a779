using System.Text.Json;

namespace Playground.Shared.Memory;

/// <summary>The strings of one table, each once, by the index rows name them with.</summary>
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

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("strings");
        foreach (var s in _strings)
        {
            writer.WriteStringValue(s);
        }

        writer.WriteEndArray();
    }

    public static string[] Read(JsonElement table) =>
        table.ValueKind == JsonValueKind.Object && table.TryGetProperty("strings", out var strings) && strings.ValueKind == JsonValueKind.Array
            ? [.. strings.EnumerateArray().Select(s => s.GetString() ?? throw new JsonException("A table's strings are strings."))]
            : throw new JsonException("A table has its strings.");

    public static string At(string[] strings, JsonElement index) =>
        index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var i) && i >= 0 && i < strings.Length
            ? strings[i]
            : throw new JsonException("A string's index is not in the table.");
}
