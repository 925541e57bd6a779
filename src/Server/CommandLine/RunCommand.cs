using Playground.Engines.Processes;
using Playground.Shared.Processes;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Server.CommandLine;

/// <summary>
/// <c>run FILE.py [--step] [--start-method fork|spawn|forkserver]</c>: runs a multiprocessing script through the
/// sandbox and the instrumentation, prints each event as a JSON line (what the page receives), then one
/// summary line. Exit 0 whenever the run itself worked, whatever the script's exit code. With
/// <c>--step</c>, each line read from stdin is a pid to grant its next step, <c>free PID</c> to take that
/// process out of step mode, or <c>free</c> to let the whole run go on without grants. The limits are the
/// server's configuration (<see cref="ProcessEngineConfiguration"/>).
/// </summary>
/// <param name="stdin">Where <c>--step</c> reads its grants; the console's by default.</param>
/// <param name="createRunner">Makes the runner; by default from the configuration, with a sandbox detected for the run.</param>
public sealed class RunCommand(TextReader? stdin = null, Func<Task<ProcessRunner>>? createRunner = null) : ICommand
{
    private readonly TextReader _stdin = stdin ?? Console.In;
    private readonly Func<Task<ProcessRunner>> _createRunner = createRunner ?? CreateConfiguredRunnerAsync;

    private static async Task<ProcessRunner> CreateConfiguredRunnerAsync()
    {
        var configuration = ProcessEngineConfiguration.Load();
        return new ProcessRunner(await SandboxRunner.CreateAsync(configuration.Limits), configuration.Options);
    }

    public string Summary => "run FILE.py [--step] [--start-method M]: run a multiprocessing script in the sandbox, events as JSON lines";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? file = null, method = null;
        var step = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--step":
                    step = true;
                    break;
                case "--start-method" when i + 1 < args.Length:
                    method = args[++i];
                    break;
                default:
                    if (file is not null || args[i].StartsWith('-'))
                    {
                        await stderr.WriteLineAsync($"run: unexpected argument '{args[i]}'. Usage: run FILE.py [--step] [--start-method fork|spawn|forkserver]");
                        return 2;
                    }
                    file = args[i];
                    break;
            }
        }

        if (file is null || !File.Exists(file))
        {
            await stderr.WriteLineAsync(file is null ? "run: no script given. Usage: run FILE.py" : $"run: {file} does not exist.");
            return 2;
        }
        if (method is not null && !ProcessRunRequest.StartMethods.Contains(method))
        {
            await stderr.WriteLineAsync($"run: '{method}' is not a start method; use fork, spawn or forkserver.");
            return 2;
        }

        try
        {
            var runner = await _createRunner();
            await using var run = await runner.StartAsync(
                new ProcessRunRequest(await File.ReadAllTextAsync(file, cancellationToken), step, method), cancellationToken);
            using var registration = cancellationToken.Register(() => _ = run.CancelAsync());
            if (step)
                _ = Task.Run(() => ReadGrantsAsync(run), CancellationToken.None);
            await foreach (var e in run.Events)
                await stdout.WriteLineAsync(ProcessEventJson.ToLine(e));
            var result = await run.Result;
            await stdout.WriteLineAsync($"run: {result.Summary}; {result.Events} events; {result.WallTime.TotalSeconds:0.00} s; sandbox: {result.Layers}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            await stderr.WriteLineAsync($"run: the runner failed: {e.Message}");
            return 1;
        }
    }

    private async Task ReadGrantsAsync(ProcessRun run)
    {
        while (await _stdin.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words is ["free"])
                run.LeaveStepMode(null);
            else if (words is ["free", var free] && int.TryParse(free, out var freePid))
                run.LeaveStepMode(freePid);
            else if (words is [var one] && int.TryParse(one, out var pid))
                run.Grant(pid);
        }
    }
}
