using Playground.Engines.Processes;
using Playground.Shared.Processes;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Server.CommandLine;

/// <summary>
/// <c>run FILE.py [--step] [--start-method fork|spawn|forkserver]</c>: runs a multiprocessing script through the
/// sandbox and the instrumentation, prints each event as a JSON line (what the page receives), then one
/// summary line. Exit 0 whenever the run itself worked, whatever the script's exit code. With
/// <c>--step</c>, each line read from stdin is a pid to grant its next step, <c>free PID</c> to take that
/// process out of step mode, or <c>free</c> to let the whole run go on without grants.
/// </summary>
public sealed class RunCommand : ICommand
{
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
            var runner = new ProcessRunner(await SandboxRunner.CreateAsync(), new ProcessRunOptions());
            await using var run = await runner.StartAsync(
                new ProcessRunRequest(await File.ReadAllTextAsync(file, cancellationToken), step, method), cancellationToken);
            using var registration = cancellationToken.Register(() => _ = run.CancelAsync());
            if (step)
                _ = Task.Run(() => ReadGrants(run), CancellationToken.None);
            await foreach (var e in run.Events)
                await stdout.WriteLineAsync(ProcessEventJson.ToLine(e));
            var result = await run.Result;
            await stdout.WriteLineAsync($"run: {result.Summary}; {result.Events} events; {result.WallTime.TotalSeconds:0.00} s; sandbox: {result.Layers}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            await stderr.WriteLineAsync($"run: the runner failed: {e.Message}");
            return 1;
        }
    }

    private static void ReadGrants(ProcessRun run)
    {
        while (Console.In.ReadLine() is { } line)
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
