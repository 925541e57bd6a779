using Playground.Engines.Processes;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes;

/// <summary>One sandbox and runner for the class; scenarios are read from the repository's scenarios/processes.</summary>
public sealed class ProcessRunnerFixture : IAsyncLifetime
{
    public ProcessRunner Runner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // a shared test machine: spawn children may wait seconds for a core
        var sandbox = await Playground.Engines.Processes.Sandbox.Sandbox.CreateAsync(new SandboxLimits { WallTime = TimeSpan.FromSeconds(30) });
        Runner = new ProcessRunner(sandbox, new ProcessRunOptions());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static string Scenario(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scenarios", "processes", name);
            if (File.Exists(path))
                return File.ReadAllText(path);
        }
        throw new FileNotFoundException($"scenario {name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Runs to the end and returns every event and the result.</summary>
    public async Task<(List<ProcessEvent> Events, RunResult Result)> RunAsync(ProcessRunRequest request)
    {
        await using var run = await Runner.StartAsync(request, CancellationToken.None);
        var events = new List<ProcessEvent>();
        await foreach (var e in run.Events)
            events.Add(e);
        return (events, await run.Result);
    }
}
