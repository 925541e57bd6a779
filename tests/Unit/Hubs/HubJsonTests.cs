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

    [Theory]
    [InlineData("""{"events":[{"kind":"process.start","pid":1}]}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[3,1,0,1.5,1,{}]]}}""")]
    [InlineData("""{"events":{"kinds":["process.start"],"names":["MainProcess"],"rows":[[0,1,0,1.5,1,[]]]}}""")]
    public void A_malformed_batch_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProcessRunUpdate>(json, Generated()));

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
