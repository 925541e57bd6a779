using Xunit;
using Playground.Engines.Memory;
using Playground.Shared.Memory;
using Playground.Tests.Unit.Infrastructure;

namespace Playground.Tests.Unit.Engines.Memory;

/// <summary>
/// The memory pages' built-in scenarios (scenarios/memory/*.py) are what students run first: each must run
/// to its end in the simulator and print what python3 prints.
/// </summary>
public sealed class BuiltInScenarioOracleTests
{
    private static string ScenarioDirectory => Path.Combine(RepositoryPaths.Scenarios, "memory");

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenarioDirectory, "*.py").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Built_in_scenario_completes_and_prints_what_python3_prints(string scenario)
    {
        var path = Path.Combine(ScenarioDirectory, scenario);
        var (expected, _, exitCode) = await PythonOracle.RunAsync(path);
        var options = SimulationOptions.Unlimited();
        options.RecordTrace = false;
        options.FileName = scenario;
        var trace = MemorySimulator.Run(await File.ReadAllTextAsync(path), options);

        Assert.Equal(0, exitCode);
        Assert.Equal(RunOutcome.Completed, trace.Outcome);
        Assert.Equal(expected, trace.Stdout);
    }
}
