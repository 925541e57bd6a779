using Xunit;
using Playground.Engines.Memory;
using Playground.Shared.Memory;

namespace Playground.Tests.Unit.Engines.Memory;

/// <summary>
/// The oracle test: every scenario of the corpus prints byte-for-byte the same stdout in the simulator as in
/// python3 3.11, and fails (uncaught exception) exactly when python3 does, with the same traceback on stderr
/// (3.11's caret lines and repeated-frame summary included).
/// </summary>
public sealed class CorpusTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Engines", "Memory", "Corpus");

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.py").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_sixty_scenarios() => Assert.True(Scenarios().Count >= 60, $"only {Scenarios().Count} scenarios");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_prints_what_python3_prints(string scenario)
    {
        var path = Path.Combine(CorpusDirectory, scenario);
        var (expected, expectedStderr, exitCode) = await PythonOracle.RunAsync(path);
        var options = SimulationOptions.Unlimited();
        options.RecordTrace = false;
        // python3 (3.9+) makes the script's path absolute, and its tracebacks show that path.
        options.FileName = Path.GetFullPath(path);
        var trace = MemorySimulator.Run(await File.ReadAllTextAsync(path), options);

        Assert.Equal(expected, trace.Stdout);
        Assert.Equal(exitCode == 0 ? RunOutcome.Completed : RunOutcome.UncaughtException, trace.Outcome);
        if (exitCode != 0)
        {
            Assert.Equal(expectedStderr, trace.Stderr);
        }
    }
}
