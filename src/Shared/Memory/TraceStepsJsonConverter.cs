using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Playground.Shared.Memory.Allocation;

namespace Playground.Shared.Memory;

/// <summary>
/// A chunk's steps on the hub as a table: every string (reasons, types, values, labels, names) once in
/// the chunk's <c>strings</c>, and each step a row of numbers and nested rows, written and read in this
/// order:
/// <code>
/// step:    [index, line, stdoutLength, [change...], [object...], [freed...], [collection...], frames|null, gc|null, allocator|null]
/// change:  [objectId, delta, refCount, reason#]
/// object:  [id, type#, repr#, size, refCount, shared 0|1, generation, address, [referent...], [[targetId, label#]...]]
/// freed:   [objectId, type#, reason#]
/// frame:   [function#, [[name#, objectId]...]]
/// </code>
/// (# is an index into <c>strings</c>; collections, the gc state and the allocator's change are written
/// as the serializer writes them). A step of a loop over a big heap was 2 KB of objects and field names,
/// most of it the same reason strings again, and the browser's interpreted .NET reads JSON by the token:
/// a trace of 100,000 steps took over a minute to arrive. <see cref="HeapCheckpointsJsonConverter"/> does
/// the same for the chunk's checkpoints.
/// </summary>
public sealed class TraceStepsJsonConverter : JsonConverter<IReadOnlyList<TraceStep>>
{
    public override IReadOnlyList<TraceStep> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = JsonElement.ParseValue(ref reader);
        var strings = StringTable.Read(table);
        var rows = TableRows(table, "steps");
        var steps = new TraceStep[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            Expect(row, 10, "step");
            steps[i++] = new TraceStep(
                row[0].GetInt32(),
                row[1].GetInt32(),
                [.. row[3].EnumerateArray().Select(c => ReadChange(c, strings))],
                [.. row[4].EnumerateArray().Select(o => HeapCheckpointsJsonConverter.ReadObject(o, strings))],
                [.. row[5].EnumerateArray().Select(f => ReadFreed(f, strings))],
                [.. row[6].EnumerateArray().Select(c => c.Deserialize(Info<GcCollection>(options))!)],
                row[2].GetInt32())
            {
                Frames = row[7].ValueKind == JsonValueKind.Null ? null : [.. row[7].EnumerateArray().Select(f => ReadFrame(f, strings))],
                Gc = row[8].ValueKind == JsonValueKind.Null ? null : row[8].Deserialize(Info<GcState>(options)),
                Allocator = row[9].ValueKind == JsonValueKind.Null ? null : row[9].Deserialize(Info<AllocatorChange>(options)),
            };
        }

        return steps;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TraceStep> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var strings = new StringTable();
        foreach (var step in value)
        {
            foreach (var c in step.RefCountChanges)
            {
                strings.Add(c.Reason);
            }

            HeapCheckpointsJsonConverter.AddStrings(step.Changed, strings);
            foreach (var f in step.Freed)
            {
                strings.Add(f.Type);
                strings.Add(f.Reason);
            }

            foreach (var frame in step.Frames ?? [])
            {
                strings.Add(frame.Function);
                foreach (var b in frame.Bindings)
                {
                    strings.Add(b.Name);
                }
            }
        }

        writer.WriteStartObject();
        strings.Write(writer);
        writer.WriteStartArray("steps");
        foreach (var step in value)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(step.Index);
            writer.WriteNumberValue(step.Line);
            writer.WriteNumberValue(step.StdoutLength);
            writer.WriteStartArray();
            foreach (var c in step.RefCountChanges)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(c.ObjectId);
                writer.WriteNumberValue(c.Delta);
                writer.WriteNumberValue(c.RefCount);
                writer.WriteNumberValue(strings[c.Reason]);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray();
            foreach (var o in step.Changed)
            {
                HeapCheckpointsJsonConverter.WriteObject(writer, o, strings);
            }

            writer.WriteEndArray();
            writer.WriteStartArray();
            foreach (var f in step.Freed)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(f.ObjectId);
                writer.WriteNumberValue(strings[f.Type]);
                writer.WriteNumberValue(strings[f.Reason]);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray();
            foreach (var c in step.Collections)
            {
                JsonSerializer.Serialize(writer, c, Info<GcCollection>(options));
            }

            writer.WriteEndArray();
            if (step.Frames is { } frames)
            {
                writer.WriteStartArray();
                foreach (var frame in frames)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(strings[frame.Function]);
                    writer.WriteStartArray();
                    foreach (var b in frame.Bindings)
                    {
                        writer.WriteStartArray();
                        writer.WriteNumberValue(strings[b.Name]);
                        writer.WriteNumberValue(b.ObjectId);
                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNullValue();
            }

            WriteOrNull(writer, step.Gc, options);
            WriteOrNull(writer, step.Allocator, options);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static JsonElement TableRows(JsonElement table, string name) =>
        table.ValueKind == JsonValueKind.Object && table.TryGetProperty(name, out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows
            : throw new JsonException($"A table of {name} is an object with its strings and its {name}.");

    internal static void Expect(JsonElement row, int length, string what)
    {
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != length)
        {
            throw new JsonException($"A {what} is a row of {length} values.");
        }
    }

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static void WriteOrNull<T>(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, Info<T>(options));
        }
    }

    private static RefCountChange ReadChange(JsonElement row, string[] strings)
    {
        Expect(row, 4, "reference count change");
        return new RefCountChange(row[0].GetInt64(), row[1].GetInt32(), row[2].GetInt64(), StringTable.At(strings, row[3]));
    }

    private static ObjectFreed ReadFreed(JsonElement row, string[] strings)
    {
        Expect(row, 3, "freed object");
        return new ObjectFreed(row[0].GetInt64(), StringTable.At(strings, row[1]), StringTable.At(strings, row[2]));
    }

    private static TraceFrame ReadFrame(JsonElement row, string[] strings)
    {
        Expect(row, 2, "frame");
        return new TraceFrame(StringTable.At(strings, row[0]), [.. row[1].EnumerateArray().Select(b =>
        {
            Expect(b, 2, "name binding");
            return new FrameBinding(StringTable.At(strings, b[0]), b[1].GetInt64());
        })]);
    }
}

/// <summary>
/// A chunk's checkpoints on the hub, each a row <c>[stepIndex, {strings, objects}, gcCounts, frames, gc,
/// allocator]</c> whose objects are <see cref="TraceStepsJsonConverter"/>'s object rows over strings of
/// their own (a checkpoint holds the whole heap: 2,000 objects are most of a chunk's bytes).
/// </summary>
public sealed class HeapCheckpointsJsonConverter : JsonConverter<IReadOnlyList<HeapCheckpoint>>
{
    public override IReadOnlyList<HeapCheckpoint> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = JsonElement.ParseValue(ref reader);
        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A chunk's checkpoints are an array.");
        }

        return [.. rows.EnumerateArray().Select(row =>
        {
            TraceStepsJsonConverter.Expect(row, 6, "checkpoint");
            var strings = StringTable.Read(row[1]);
            return new HeapCheckpoint(
                row[0].GetInt32(),
                [.. TraceStepsJsonConverter.TableRows(row[1], "objects").EnumerateArray().Select(o => ReadObject(o, strings))],
                row[2].Deserialize(Info<IReadOnlyList<int>>(options))!)
            {
                Frames = row[3].Deserialize(Info<IReadOnlyList<TraceFrame>>(options))!,
                Gc = row[4].Deserialize(Info<GcState>(options)),
                Allocator = row[5].Deserialize(Info<AllocatorState>(options)),
            };
        })];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<HeapCheckpoint> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        writer.WriteStartArray();
        foreach (var checkpoint in value)
        {
            var strings = new StringTable();
            AddStrings(checkpoint.Objects, strings);
            writer.WriteStartArray();
            writer.WriteNumberValue(checkpoint.StepIndex);
            writer.WriteStartObject();
            strings.Write(writer);
            writer.WriteStartArray("objects");
            foreach (var o in checkpoint.Objects)
            {
                WriteObject(writer, o, strings);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            JsonSerializer.Serialize(writer, checkpoint.GcCounts, Info<IReadOnlyList<int>>(options));
            JsonSerializer.Serialize(writer, checkpoint.Frames, Info<IReadOnlyList<TraceFrame>>(options));
            JsonSerializer.Serialize(writer, checkpoint.Gc, Info<GcState?>(options));
            JsonSerializer.Serialize(writer, checkpoint.Allocator, Info<AllocatorState?>(options));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    internal static void AddStrings(IReadOnlyList<HeapObject> objects, StringTable strings)
    {
        foreach (var o in objects)
        {
            strings.Add(o.Type);
            strings.Add(o.Repr);
            foreach (var r in o.References)
            {
                strings.Add(r.Label);
            }
        }
    }

    internal static void WriteObject(Utf8JsonWriter writer, HeapObject o, StringTable strings)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(o.Id);
        writer.WriteNumberValue(strings[o.Type]);
        writer.WriteNumberValue(strings[o.Repr]);
        writer.WriteNumberValue(o.Size);
        writer.WriteNumberValue(o.RefCount);
        writer.WriteNumberValue(o.SharedByInterpreter ? 1 : 0);
        writer.WriteNumberValue(o.Generation);
        writer.WriteNumberValue(o.Address);
        writer.WriteStartArray();
        foreach (var id in o.Referents)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (var r in o.References)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(r.TargetId);
            writer.WriteNumberValue(strings[r.Label]);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
    }

    internal static HeapObject ReadObject(JsonElement row, string[] strings)
    {
        TraceStepsJsonConverter.Expect(row, 10, "heap object");
        return new HeapObject(
            row[0].GetInt64(),
            StringTable.At(strings, row[1]),
            StringTable.At(strings, row[2]),
            row[3].GetInt32(),
            row[4].GetInt64(),
            row[5].GetInt32() != 0,
            row[6].GetInt32(),
            [.. row[8].EnumerateArray().Select(r => r.GetInt64())],
            row[7].GetUInt64())
        {
            References = [.. row[9].EnumerateArray().Select(r =>
            {
                TraceStepsJsonConverter.Expect(r, 2, "reference");
                return new HeapReference(r[0].GetInt64(), StringTable.At(strings, r[1]));
            })],
        };
    }
}

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
