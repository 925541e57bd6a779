using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Playground.Shared.Processes;

/// <summary>
/// An event's own fields as read off the hub (<see cref="ProcessEventBatchJsonConverter"/>): each as the
/// text <see cref="ProcessEvent.Text"/> gives and, for an integer, its value, taken from the reader as it
/// passes. The pages fold a hundred thousand events through Text and Integer, so those answer from these
/// arrays; a JsonElement is made only when asked for one, from the value's JSON as sent.
/// </summary>
internal sealed class EventFields : IReadOnlyDictionary<string, JsonElement>
{
    private readonly string[] _keys;
    private readonly Field[] _fields;
    private JsonElement?[]? _elements;

    private EventFields(string[] keys, Field[] fields)
    {
        _keys = keys;
        _fields = fields;
    }

    private static readonly EventFields None = new([], []);

    /// <summary>One field: its kind, its text (a string's value; a number's, an object's or an array's JSON) and the JSON as sent when that differs.</summary>
    private readonly record struct Field(JsonValueKind Kind, string? Text, long? Integer, string? Json);

    /// <summary>Reads the object the reader stands at the start of, leaving it at the object's end.</summary>
    public static EventFields Read(ref Utf8JsonReader reader, FieldNames names)
    {
        List<string>? keys = null;
        List<Field>? fields = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = names.Of(ref reader);
            if (!reader.Read())
            {
                break;
            }

            (keys ??= new(4)).Add(key);
            (fields ??= new(4)).Add(reader.TokenType switch
            {
                JsonTokenType.String => String(ref reader),
                JsonTokenType.Number => new Field(JsonValueKind.Number, Raw(ref reader), reader.TryGetInt64(out var n) ? n : null, null),
                JsonTokenType.True => new Field(JsonValueKind.True, "true", null, null),
                JsonTokenType.False => new Field(JsonValueKind.False, "false", null, null),
                JsonTokenType.Null => new Field(JsonValueKind.Null, null, null, "null"),
                JsonTokenType.StartObject or JsonTokenType.StartArray => Nested(ref reader),
                _ => throw new JsonException("A process event's field has a value."),
            });
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A process event's data is an object of fields.");
        }

        return keys is null ? None : new EventFields([.. keys], [.. fields!]);
    }

    private static Field String(ref Utf8JsonReader reader)
    {
        var text = reader.GetString()!;
        return new Field(JsonValueKind.String, text, null, reader.ValueIsEscaped ? "\"" + Raw(ref reader) + "\"" : null);
    }

    private static Field Nested(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var json = document.RootElement.GetRawText();
        return new Field(document.RootElement.ValueKind, json, null, null);
    }

    /// <summary>The value's bytes as sent (a string's without its quotes, escapes and all).</summary>
    private static string Raw(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>The field's value as <see cref="ProcessEvent.Text"/> gives it: null when absent or JSON null.</summary>
    public string? Text(string key) => IndexOf(key) is var i and >= 0 ? _fields[i].Text : null;

    /// <summary>The field's value when it is an integer.</summary>
    public long? Integer(string key) => IndexOf(key) is var i and >= 0 ? _fields[i].Integer : null;

    /// <summary>The field's value when it is a number.</summary>
    public double? Number(string key) =>
        IndexOf(key) is var i and >= 0 && _fields[i].Kind == JsonValueKind.Number
        && double.TryParse(_fields[i].Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d : null;

    /// <summary>The last field of that name, as a JSON object's last duplicate is the one JsonElement finds.</summary>
    private int IndexOf(string key)
    {
        for (var i = _keys.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private JsonElement Element(int i)
    {
        _elements ??= new JsonElement?[_fields.Length];
        if (_elements[i] is { } made)
        {
            return made;
        }

        var field = _fields[i];
        var json = field.Json ?? (field.Kind == JsonValueKind.String ? "\"" + field.Text + "\"" : field.Text!);
        using var document = JsonDocument.Parse(json);
        return (_elements[i] = document.RootElement.Clone()).Value;
    }

    public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The event has no field '{key}'.");

    public IEnumerable<string> Keys => _keys.AsReadOnly();

    public IEnumerable<JsonElement> Values => Enumerable.Range(0, _keys.Length).Select(Element);

    public int Count => _keys.Length;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? Element(i) : default;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        Enumerable.Range(0, _keys.Length).Select(i => new KeyValuePair<string, JsonElement>(_keys[i], Element(i))).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The field names of one batch, each made a string once: the same few names ("lock", "queue", "bytes")
/// come in every row. A name the pages spell as a literal is given back as that interned literal, so
/// their lookups compare by reference.
/// </summary>
internal sealed class FieldNames
{
    private readonly List<(byte[] Utf8, string Name)> _names = [];

    public string Of(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, name) in _names)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return name;
            }
        }

        var read = reader.GetString()!;
        var made = string.IsInterned(read) ?? read;
        if (_names.Count < 64)
        {
            _names.Add((Encoding.UTF8.GetBytes(made), made));
        }

        return made;
    }
}
