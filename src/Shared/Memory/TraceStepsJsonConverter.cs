using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Playground.Shared.Hub;
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
/// allocator: [[[index, address, totalPools, freed 0|1]...], [[arena, index, address, sizeClass, blockSize, used, total, state]...],
///           [[address, bytes]...], [freedAddress...]]
/// </code>
/// (# is an index into <c>strings</c>; collections and the gc state, which few steps carry, are written
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
        var rows = StringTable.Rows(table, "steps");
        var steps = new TraceStep[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            StringTable.Expect(row, 10, "step");
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
                Allocator = row[9].ValueKind == JsonValueKind.Null ? null : ReadAllocator(row[9]),
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
                AddIfAny(strings, c.Detail);
                AddIfAny(strings, c.Function);
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
                WriteChange(writer, c, strings);
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
                StringTable.WriteNumbers(writer, f.ObjectId, strings[f.Type], strings[f.Reason]);
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
                        StringTable.WriteNumbers(writer, strings[b.Name], b.ObjectId);
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
            if (step.Allocator is { } allocator)
            {
                WriteAllocator(writer, allocator);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

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

    private static void WriteAllocator(Utf8JsonWriter writer, AllocatorChange change)
    {
        writer.WriteStartArray();
        writer.WriteStartArray();
        // Addresses are below 2^63 (user space is 2^47 on x86-64), so they write as the longs they are.
        foreach (var a in change.Arenas)
        {
            StringTable.WriteNumbers(writer, a.Index, (long)a.Address, a.TotalPools, a.Freed ? 1 : 0);
        }

        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (var p in change.Pools)
        {
            StringTable.WriteNumbers(writer, p.ArenaIndex, p.Index, (long)p.Address, p.SizeClass, p.BlockSize, p.UsedBlocks, p.TotalBlocks, (int)p.State);
        }

        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (var b in change.SystemAllocated)
        {
            StringTable.WriteNumbers(writer, (long)b.Address, b.Bytes);
        }

        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (var address in change.SystemFreed)
        {
            writer.WriteNumberValue(address);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
    }

    private static AllocatorChange ReadAllocator(JsonElement row)
    {
        StringTable.Expect(row, 4, "pymalloc change");
        return new AllocatorChange(
            [.. row[0].EnumerateArray().Select(a =>
            {
                StringTable.Expect(a, 4, "arena");
                return new ArenaRecord(a[0].GetInt32(), a[1].GetUInt64(), a[2].GetInt32(), a[3].GetInt32() != 0);
            })],
            [.. row[1].EnumerateArray().Select(p =>
            {
                StringTable.Expect(p, 8, "pool");
                var state = p[7].GetInt32();
                return new PoolRecord(p[0].GetInt32(), p[1].GetInt32(), p[2].GetUInt64(), p[3].GetInt32(), p[4].GetInt32(), p[5].GetInt32(), p[6].GetInt32(),
                    Enum.IsDefined((PoolState)state) ? (PoolState)state : throw new JsonException($"No pool state {state}."));
            })],
            [.. row[2].EnumerateArray().Select(b =>
            {
                StringTable.Expect(b, 2, "system block");
                return new SystemBlock(b[0].GetUInt64(), b[1].GetInt32());
            })],
            [.. row[3].EnumerateArray().Select(a => a.GetUInt64())]);
    }

    /// <summary>
    /// A change is [object, delta, count, why, line, detail, function], the detail and the function as
    /// indexes into the strings and left off when there are none (a temporary on the stack, most of a
    /// trace, has neither: a 100,000-step trace is some 45 MB with them spelt as -1).
    /// </summary>
    private static void WriteChange(Utf8JsonWriter writer, RefCountChange c, StringTable strings)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(c.ObjectId);
        writer.WriteNumberValue(c.Delta);
        writer.WriteNumberValue(c.RefCount);
        writer.WriteNumberValue((int)c.Why);
        writer.WriteNumberValue(c.Line);
        if (c.Detail is not null || c.Function is not null)
        {
            writer.WriteNumberValue(IndexOrNone(strings, c.Detail));
        }

        if (c.Function is not null)
        {
            writer.WriteNumberValue(strings[c.Function]);
        }

        writer.WriteEndArray();
    }

    private static RefCountChange ReadChange(JsonElement row, string[] strings)
    {
        var fields = row.ValueKind == JsonValueKind.Array ? row.GetArrayLength() : 0;
        if (fields is < 5 or > 7)
        {
            throw new JsonException("A reference count change is a row of 5 to 7 values.");
        }

        var why = row[3].GetInt32();
        return new RefCountChange(
            row[0].GetInt64(),
            row[1].GetInt32(),
            row[2].GetInt64(),
            Enum.IsDefined((RefCountWhy)why) ? (RefCountWhy)why : throw new JsonException($"No reference count reason {why}."),
            fields > 5 && row[5].GetInt32() >= 0 ? StringTable.At(strings, row[5]) : null,
            row[4].GetInt32(),
            fields > 6 ? StringTable.At(strings, row[6]) : null);
    }

    private static void AddIfAny(StringTable strings, string? text)
    {
        if (text is not null)
        {
            strings.Add(text);
        }
    }

    private static long IndexOrNone(StringTable strings, string? text) => text is null ? -1 : strings[text];

    private static ObjectFreed ReadFreed(JsonElement row, string[] strings)
    {
        StringTable.Expect(row, 3, "freed object");
        return new ObjectFreed(row[0].GetInt64(), StringTable.At(strings, row[1]), StringTable.At(strings, row[2]));
    }

    private static TraceFrame ReadFrame(JsonElement row, string[] strings)
    {
        StringTable.Expect(row, 2, "frame");
        return new TraceFrame(StringTable.At(strings, row[0]), [.. row[1].EnumerateArray().Select(b =>
        {
            StringTable.Expect(b, 2, "name binding");
            return new FrameBinding(StringTable.At(strings, b[0]), b[1].GetInt64());
        })]);
    }
}
