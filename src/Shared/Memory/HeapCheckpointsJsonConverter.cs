using System.Text.Json;
using System.Text.Json.Serialization;
using Playground.Shared.Hub;
using Playground.Shared.Memory.Allocation;

namespace Playground.Shared.Memory;

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
            StringTable.Expect(row, 6, "checkpoint");
            var strings = StringTable.Read(row[1]);
            return new HeapCheckpoint(
                row[0].GetInt32(),
                [.. StringTable.Rows(row[1], "objects").EnumerateArray().Select(o => ReadObject(o, strings))],
                row[2].Deserialize(TraceStepsJsonConverter.Info<IReadOnlyList<int>>(options))!)
            {
                Frames = row[3].Deserialize(TraceStepsJsonConverter.Info<IReadOnlyList<TraceFrame>>(options))!,
                Gc = row[4].Deserialize(TraceStepsJsonConverter.Info<GcState>(options)),
                Allocator = row[5].Deserialize(TraceStepsJsonConverter.Info<AllocatorState>(options)),
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
            JsonSerializer.Serialize(writer, checkpoint.GcCounts, TraceStepsJsonConverter.Info<IReadOnlyList<int>>(options));
            JsonSerializer.Serialize(writer, checkpoint.Frames, TraceStepsJsonConverter.Info<IReadOnlyList<TraceFrame>>(options));
            JsonSerializer.Serialize(writer, checkpoint.Gc, TraceStepsJsonConverter.Info<GcState?>(options));
            JsonSerializer.Serialize(writer, checkpoint.Allocator, TraceStepsJsonConverter.Info<AllocatorState?>(options));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

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
            StringTable.WriteNumbers(writer, r.TargetId, strings[r.Label]);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
    }

    internal static HeapObject ReadObject(JsonElement row, string[] strings)
    {
        StringTable.Expect(row, 10, "heap object");
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
                StringTable.Expect(r, 2, "reference");
                return new HeapReference(r[0].GetInt64(), StringTable.At(strings, r[1]));
            })],
        };
    }
}
