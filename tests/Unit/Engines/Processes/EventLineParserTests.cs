using System.Text;
using Playground.Engines.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

public sealed class EventLineParserTests
{
    [Fact]
    public void A_well_formed_line_becomes_an_event_with_its_fields()
    {
        var e = EventLineParser.Parse("""{"kind":"process.exit","pid":12,"name":"Process-1","ts":1.5,"seq":3,"exitcode":0}"""u8, out var error);

        Assert.Null(error);
        Assert.NotNull(e);
        Assert.Equal(("process.exit", 12, "Process-1", 3L), (e.Kind, e.Pid, e.Name, e.Sequence));
        Assert.Equal(0, e.Integer("exitcode"));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"kind":"Process Exit","pid":1,"name":"a","ts":1,"seq":1}""", "kind")]
    [InlineData("""{"kind":"output","pid":-4,"name":"a","ts":1,"seq":1}""", "pid")]
    [InlineData("""{"kind":"output","pid":"1","name":"a","ts":1,"seq":1}""", "wrong type")]
    [InlineData("""{"kind":"output","pid":1,"ts":1,"seq":1}""", "name")]
    [InlineData("""{"kind":"output","pid":1,"name":"a"}""", "'ts'")]
    [InlineData("""{"kind":"output","pid":1,"name":"a","ts":1,"seq":1} {"kind":"output"}""", "not JSON")]
    [InlineData("""{"kind":"output","pid":1,"name":"a","ts":1,"seq":1""", "not JSON")]
    [InlineData("""{"kind":"output","pid":1,"name":"a","ts":1,"seq":1,"deep":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""", "not JSON")]
    public void A_malformed_line_is_refused_with_a_reason(string line, string reason)
    {
        var e = EventLineParser.Parse(Encoding.UTF8.GetBytes(line), out var error);

        Assert.Null(e);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_over_the_size_cap_is_refused()
    {
        var line = "{\"kind\":\"output\",\"pid\":1,\"name\":\"a\",\"ts\":1,\"seq\":1,\"text\":\"" + new string('x', EventLineParser.MaxLineBytes) + "\"}";

        Assert.Null(EventLineParser.Parse(Encoding.UTF8.GetBytes(line), out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }
}
