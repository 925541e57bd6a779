using System.Text.Json;
using Playground.Shared.Hub;
using Playground.Shared.Processes;
using Playground.Tests.Unit.Components.Processes.Timeline;
using Xunit;

namespace Playground.Tests.Unit.Hubs;

/// <summary>The hub's process updates, written as tables of events, on recorded runs of the built-in scenarios.</summary>
public sealed class HubJsonTests
{
    private static JsonSerializerOptions Generated()
    {
        var generated = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        generated.TypeInfoResolverChain.Insert(0, HubJsonContext.Default);
        return generated;
    }

    [Theory]
    [InlineData("queue_producer_consumer")]
    [InlineData("two_lock_deadlock")]
    public void Process_updates_read_back_field_for_field_and_by_reflection_too(string recording)
    {
        var events = RecordedRuns.Load(recording);
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var generated = Generated();

        foreach (var batch in events.Chunk(40))
        {
            var update = new ProcessRunUpdate(batch, null, 2);
            var text = JsonSerializer.Serialize(update, generated);
            Assert.Equal(text, JsonSerializer.Serialize(update, reflection));

            var read = JsonSerializer.Deserialize<ProcessRunUpdate>(text, generated)!;
            Assert.Equal(text, JsonSerializer.Serialize(read, generated));
            Assert.Equal(2, read.QueuePlace);
            Assert.Equal(batch.Length, read.Events.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                var (sent, got) = (batch[i], read.Events[i]);
                Assert.Equal((sent.Kind, sent.Pid, sent.Name, sent.Timestamp, sent.Sequence), (got.Kind, got.Pid, got.Name, got.Timestamp, got.Sequence));
                Assert.Equal(sent.Data.Keys, got.Data.Keys);
                Assert.Equal(sent.Data.Count, got.Data.Count);
                Assert.All(sent.Data.Keys, k => Assert.Equal(sent.Text(k), got.Text(k)));
                // a second read gives the string decoded by the first, and the raw values stay as sent
                Assert.All(sent.Data.Keys, k => Assert.Equal(sent.Text(k), got.Text(k)));
                Assert.All(sent.Data.Keys, k => Assert.Equal(sent.Data[k].GetRawText(), got.Data.TryGetValue(k, out var v) ? v.GetRawText() : null));
                Assert.Equal(sent.Data.Select(f => f.Value.GetRawText()), got.Data.Values.Select(v => v.GetRawText()));
                Assert.All(sent.Data.Keys, k => Assert.Equal(sent.Integer(k), got.Integer(k)));
                Assert.False(got.Data.ContainsKey("no such field"));
            }
        }

        Assert.Contains(events, e => e.Data.Count > 0);
    }

    [Fact]
    public void A_batch_names_each_kind_and_process_once()
    {
        var events = RecordedRuns.Load("queue_producer_consumer");

        var text = JsonSerializer.Serialize(new ProcessRunUpdate(events, null), Generated());

        var kind = events.GroupBy(e => e.Kind).OrderByDescending(g => g.Count()).First();
        Assert.True(kind.Count() > 1);
        Assert.Equal(1, CountOf(text, $"\"{kind.Key}\""));
        var batch = JsonDocument.Parse(text).RootElement.GetProperty("events");
        Assert.Equal(events.Select(e => e.Name).Distinct(), batch.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(events.Select(e => e.Kind).Distinct(), batch.GetProperty("kinds").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(events.Count, batch.GetProperty("rows").GetArrayLength());
    }

    /// <summary>One event with every kind of field a script can send, some of them escaped.</summary>
    private const string EveryKindOfField = """
        {"events":{"extra":[1,{"a":2}],"kinds":["queue.put","no.such.kind"],"names":["Process-1"],"rows":[
          [0,7,0,12.25,3,{"queue":"Queue-q","value":"caf\u00e9 \"x\"","plain":"café","bytes":42,"ratio":1.5e3,"big":123456789012345678901234567890,
            "ok":true,"no":false,"none":null,"args":[1,"two",{"three":3}],"nested":{"k":[null]},"dup":1,"dup":2}],
          [1,7,0,12.5,4,{}]]}}
        """;

    [Fact]
    public void Every_kind_of_field_reads_back_as_a_json_document_reads_it()
    {
        var events = JsonSerializer.Deserialize<ProcessRunUpdate>(EveryKindOfField, Generated())!.Events;
        var document = JsonDocument.Parse(EveryKindOfField).RootElement.GetProperty("events").GetProperty("rows")[0][5];

        Assert.Equal(2, events.Count);
        var (e, empty) = (events[0], events[1]);
        Assert.Equal(("queue.put", 7, "Process-1", 12.25, 3L), (e.Kind, e.Pid, e.Name, e.Timestamp, e.Sequence));
        Assert.Same(ProcessEventKinds.QueuePut, e.Kind);
        Assert.Equal("no.such.kind", empty.Kind);
        Assert.Empty(empty.Data);
        Assert.Null(empty.Text("queue"));

        var names = document.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names, e.Data.Keys);
        Assert.Equal(names.Count, e.Data.Count);
        foreach (var name in names.Distinct())
        {
            // the text and integer the pages read, and the element whose raw JSON is as sent
            var expected = document.GetProperty(name);
            Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.ValueKind == JsonValueKind.String ? expected.GetString() : expected.GetRawText(), e.Text(name));
            Assert.Equal(expected.ValueKind == JsonValueKind.Number && expected.TryGetInt64(out var n) ? n : null, e.Integer(name));
            Assert.True(e.Data.TryGetValue(name, out var got));
            Assert.Equal((expected.ValueKind, expected.GetRawText()), (got.ValueKind, got.GetRawText()));
            Assert.Equal(expected.GetRawText(), e.Data[name].GetRawText());
        }

        Assert.Equal("café \"x\"", e.Text("value"));
        Assert.Equal("2", e.Text("dup"));
        Assert.Equal("""[1,"two",{"three":3}]""", e.Text("args"));
        Assert.Null(e.Integer("ratio"));
        Assert.Null(e.Integer("big"));
        Assert.Equal(document.EnumerateObject().Select(p => p.Value.GetRawText()), e.Data.Values.Select(v => v.GetRawText()));
        Assert.False(e.Data.ContainsKey("no such field"));
        Assert.Throws<KeyNotFoundException>(() => e.Data["no such field"]);
    }

    [Fact]
    public void A_batch_split_across_buffers_reads_as_one_in_a_single_buffer_does()
    {
        // SignalR hands the converter a sequence of the socket's buffers: values and names broken across them
        var bytes = System.Text.Encoding.UTF8.GetBytes(EveryKindOfField);
        var whole = JsonSerializer.Deserialize<ProcessRunUpdate>(bytes, Generated())!.Events;

        var split = new Utf8JsonReader(Segments.Of(bytes, 5));
        var read = JsonSerializer.Deserialize<ProcessRunUpdate>(ref split, Generated())!.Events;

        Assert.Equal(whole.Count, read.Count);
        for (var i = 0; i < whole.Count; i++)
        {
            Assert.Equal(whole[i].Data.Keys, read[i].Data.Keys);
            Assert.All(whole[i].Data.Keys, k => Assert.Equal((whole[i].Text(k), whole[i].Data[k].GetRawText()), (read[i].Text(k), read[i].Data[k].GetRawText())));
        }
    }

    [Fact]
    public void Every_kind_is_read_as_its_constant()
    {
        // the constants as the code uses them: literals, which the runtime interns
        var constants = typeof(ProcessEventKinds).GetFields().Where(f => f.IsLiteral).Select(f => string.Intern((string)f.GetRawConstantValue()!)).ToList();

        Assert.True(constants.Count > 40);
        Assert.All(constants, kind => Assert.Same(kind, ProcessEventKinds.Known(new string(kind.AsSpan()))));
        Assert.Equal("made.up", ProcessEventKinds.Known("made.up"));
    }

    [Theory]
    [InlineData("""{"events":[{"kind":"process.start","pid":1}]}""")]
    [InlineData("""{"events":{"rows":[[0,1,0,1.5,1,{}]],"kinds":["process.start"],"names":["MainProcess"]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1,{},2]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,"1.5",1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1.5,0,1.5,1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":[7],"rows":[[0,1,0,1.5,1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,-1,1.5,1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,4294967296,0,1.5,1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1,{"text":"\ud800"}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1,{"\udc00":1}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[3,1,0,1.5,1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1,[]]]}}""")]
    public void A_malformed_batch_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProcessRunUpdate>(json, Generated()));

    /// <summary>A buffer handed over in pieces, as a socket's reads are.</summary>
    private sealed class Segments : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long start)
        {
            Memory = memory;
            RunningIndex = start;
        }

        public static System.Buffers.ReadOnlySequence<byte> Of(byte[] bytes, int size)
        {
            var first = new Segments(bytes.AsMemory(0, Math.Min(size, bytes.Length)), 0);
            var last = first;
            for (var at = size; at < bytes.Length; at += size)
            {
                var next = new Segments(bytes.AsMemory(at, Math.Min(size, bytes.Length - at)), at);
                last.Next = next;
                last = next;
            }

            return new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
