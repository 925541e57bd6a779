using Playground.Server.Scenarios;
using Xunit;

namespace Playground.Tests.Unit.Scenarios;

public sealed class ScenarioFileParserTests
{
    [Fact]
    public void Parse_reads_the_header_and_keeps_only_the_code_for_the_editor()
    {
        const string text = "# title: Two nodes\n# page: memory/gc\n# explanation: First line,\n#   continued here.\nimport gc\n\nprint(gc.collect())\n";

        var scenario = ScenarioFileParser.Parse("cycle", text, "cycle.py");

        Assert.Equal("Two nodes", scenario.Title);
        Assert.Equal("memory/gc", scenario.Page);
        Assert.Equal("First line, continued here.", scenario.Explanation);
        Assert.Equal("import gc\n\nprint(gc.collect())\n", scenario.Code);
        Assert.Equal("cycle", scenario.Slug);
    }

    [Fact]
    public void Parse_ends_the_header_at_a_comment_that_is_not_a_key()
    {
        const string text = "# title: T\n# page: processes\n# explanation: E\n# a plain comment stays in the code\nx = 1\n";

        var scenario = ScenarioFileParser.Parse("t", text, "t.py");

        Assert.StartsWith("# a plain comment stays in the code\n", scenario.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_names_the_file_and_the_missing_key()
    {
        var error = Assert.Throws<InvalidDataException>(() => ScenarioFileParser.Parse("x", "# title: T\n# page: processes\nx = 1\n", "x.py"));

        Assert.Equal("x.py, line 1: the header has no '# explanation:' line.", error.Message);
    }
}
