using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Shared.Processes;

/// <summary>
/// A batch of <see cref="ProcessEvent"/>s on the hub, written as a table rather than as objects:
/// <c>{"kinds":[...],"names":[...],"rows":[[kind, pid, name, timestamp, sequence, {data}], ...]}</c>, each
/// kind and process name once per batch and each row by its index. A run of 100,000 events arrives as
/// a thousand such batches, and in the browser's WebAssembly, where .NET is interpreted, reading JSON
/// costs by the token: an event as an object with its field names and its kind and name spelt out was
/// about 150 bytes and 50 µs to read. The reader parses a whole batch into one document and gives each
/// event's <see cref="ProcessEvent.Data"/> as a view of its row's object (<see cref="JsonObjectFields"/>),
/// instead of a dictionary with a document per field.
/// </summary>
public sealed class ProcessEventBatchJsonConverter : JsonConverter<IReadOnlyList<ProcessEvent>>
{
    private const int Fields = 6;

    public override IReadOnlyList<ProcessEvent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var batch = JsonElement.ParseValue(ref reader);
        if (batch.ValueKind != JsonValueKind.Object
            || !batch.TryGetProperty("kinds", out var kinds) || kinds.ValueKind != JsonValueKind.Array
            || !batch.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Array
            || !batch.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A batch of process events is an object of kinds, names and rows.");
        }

        var kindTable = Strings(kinds);
        var nameTable = Strings(names);
        var events = new ProcessEvent[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != Fields)
            {
                throw new JsonException($"A process event is a row of {Fields} values.");
            }

            var data = row[5];
            events[i++] = new ProcessEvent(
                At(kindTable, row[0].GetInt32()),
                row[1].GetInt32(),
                At(nameTable, row[2].GetInt32()),
                row[3].GetDouble(),
                row[4].GetInt64(),
                data.ValueKind == JsonValueKind.Object ? new JsonObjectFields(data) : throw new JsonException("A process event's data is an object."));
        }

        return events;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ProcessEvent> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in value)
        {
            kinds.TryAdd(e.Kind, kinds.Count);
            names.TryAdd(e.Name, names.Count);
        }

        writer.WriteStartObject();
        WriteTable(writer, "kinds", kinds);
        WriteTable(writer, "names", names);
        writer.WriteStartArray("rows");
        foreach (var e in value)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(kinds[e.Kind]);
            writer.WriteNumberValue(e.Pid);
            writer.WriteNumberValue(names[e.Name]);
            writer.WriteNumberValue(e.Timestamp);
            writer.WriteNumberValue(e.Sequence);
            writer.WriteStartObject();
            foreach (var (key, element) in e.Data)
            {
                writer.WritePropertyName(key);
                element.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter writer, string name, Dictionary<string, int> table)
    {
        writer.WriteStartArray(name);
        foreach (var text in table.Keys)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    }

    private static string[] Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString() ?? throw new JsonException("A kind or name is a string."))];

    private static string At(string[] table, int index) =>
        index >= 0 && index < table.Length ? table[index] : throw new JsonException($"No kind or name number {index} in the batch.");
}

/// <summary>A JSON object's fields read in place, as a dictionary: no parsing or copying of its own.</summary>
internal sealed class JsonObjectFields(JsonElement element) : IReadOnlyDictionary<string, JsonElement>
{
    private int _count = -1;

    public int Count => _count >= 0 ? _count : _count = element.EnumerateObject().Count();

    public IEnumerable<string> Keys => element.EnumerateObject().Select(p => p.Name);

    public IEnumerable<JsonElement> Values => element.EnumerateObject().Select(p => p.Value);

    public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The event has no field '{key}'.");

    public bool ContainsKey(string key) => element.TryGetProperty(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => element.TryGetProperty(key, out value);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        element.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
