using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Playground.Shared.Hub;

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
        var kinds = StringTable.Read(batch, "kinds");
        var names = StringTable.Read(batch, "names");
        var rows = StringTable.Rows(batch, "rows");
        var events = new ProcessEvent[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            StringTable.Expect(row, Fields, "process event");
            var data = row[5];
            events[i++] = new ProcessEvent(
                StringTable.At(kinds, row[0]),
                row[1].GetInt32(),
                StringTable.At(names, row[2]),
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
        var kinds = new StringTable();
        var names = new StringTable();
        foreach (var e in value)
        {
            kinds.Add(e.Kind);
            names.Add(e.Name);
        }

        writer.WriteStartObject();
        kinds.Write(writer, "kinds");
        names.Write(writer, "names");
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
