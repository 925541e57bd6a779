using System.Text.Json;
using Playground.Engines.Processes;
using Playground.Server.CommandLine;
using Playground.Tests.Unit.Engines.Processes;
using Xunit;

namespace Playground.Tests.Unit.CommandLine;

/// <summary>The <c>run FILE.py</c> verb of the server executable, through the real sandbox and python3.</summary>
public sealed class RunCommandTests(ProcessRunnerFixture fixture) : IClassFixture<ProcessRunnerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pg-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Script(string source)
    {
        var path = Path.Combine(_folder, "script.py");
        File.WriteAllText(path, source);
        return path;
    }

    private async Task<(int Code, string[] Lines, string Errors)> RunAsync(RunCommand command, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // a step-mode run whose grants are never read would wait minutes for them
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var code = await command.RunAsync(args, stdout, stderr, timeout.Token);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    [Fact]
    public async Task A_script_that_fails_prints_its_events_as_json_lines_then_a_summary_and_the_verb_exits_0()
    {
        var file = Script("print('before')\nraise SystemExit(3)\n");
        var (code, lines, _) = await RunAsync(new RunCommand(createRunner: () => Task.FromResult(fixture.Runner)), file);

        Assert.Equal(0, code);
        var events = lines[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events, e => Assert.True(e.TryGetProperty("kind", out _) && e.TryGetProperty("pid", out _) && e.TryGetProperty("ts", out _)));
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "output" && e.GetProperty("text").GetString() == "before");
        var exit = Assert.Single(events, e => e.GetProperty("kind").GetString() == "process.exit");
        Assert.Equal(3, exit.GetProperty("exitcode").GetInt32());
        Assert.StartsWith("run: ", lines[^1], StringComparison.Ordinal);
        Assert.Contains("exit code 3", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_mode_reads_its_grants_from_the_stdin_it_is_given()
    {
        var file = Script("from multiprocessing import Value\nv = Value('i', 0)\nv.value = 7\nprint(v.value)\n");
        using var stdin = new StringReader("free\n");
        var (code, lines, _) = await RunAsync(new RunCommand(stdin, () => Task.FromResult(fixture.Runner)), file, "--step");

        Assert.Equal(0, code);
        Assert.Contains(lines, l => l.Contains("\"kind\":\"output\"", StringComparison.Ordinal) && l.Contains("\"text\":\"7\"", StringComparison.Ordinal));
        Assert.Contains("exit code 0", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_that_cannot_start_makes_the_verb_exit_non_zero_with_a_sentence()
    {
        var file = Script("print(1)\n");
        var (code, lines, errors) = await RunAsync(new RunCommand(createRunner: () => throw new IOException("no sandbox here")), file);

        Assert.Equal(1, code);
        Assert.Empty(lines);
        Assert.Equal("run: the runner failed: no sandbox here", errors.Trim());
    }
}
