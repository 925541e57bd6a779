using System.Text.Json;
using Playground.Engines.Processes.Runs;
using Playground.Engines.Processes.Sandbox;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Server.CommandLine;

/// <summary>
/// <c>run FILE.py [--start-method fork|spawn|forkserver]</c>: runs a multiprocessing script through the
/// same sandbox the pages use and prints its events as JSON lines, then one summary line. The exit code
/// is 0 whenever the run itself worked, whatever the script's own exit code; non-zero only when the
/// runner failed.
/// </summary>
public sealed class RunCommand : ICommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Summary => "run FILE.py [--start-method M]: run a multiprocessing script in the sandbox, print its events as JSON lines";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? file = null;
        string? startMethod = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--start-method" && i + 1 < args.Length)
            {
                startMethod = args[++i];
            }
            else if (file is null && !args[i].StartsWith('-'))
            {
                file = args[i];
            }
            else
            {
                await stderr.WriteLineAsync($"run: unexpected argument '{args[i]}'. Usage: run FILE.py [--start-method fork|spawn|forkserver]");
                return 2;
            }
        }

        if (file is null || !File.Exists(file))
        {
            await stderr.WriteLineAsync(file is null ? "run: name the script to run." : $"run: {file} does not exist.");
            return 2;
        }

        if (startMethod is not (null or "fork" or "spawn" or "forkserver"))
        {
            await stderr.WriteLineAsync($"run: '{startMethod}' is not a start method: use fork, spawn or forkserver.");
            return 2;
        }

        try
        {
            var sandbox = await SandboxRunner.CreateAsync(new SandboxLimits());
            var runner = new ProcessRunner(sandbox, new ProcessRunOptions());
            await using var run = await runner.StartAsync(await File.ReadAllTextAsync(file, cancellationToken), startMethod, cancellationToken);
            using var stopOnCancel = cancellationToken.Register(() => _ = run.StopAsync());
            await foreach (var e in run.Events.ReadAllAsync(CancellationToken.None))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(e, Json));
            }

            var summary = await run.Completion;
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { summary }, Json));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            await stderr.WriteLineAsync("run: the runner failed: " + ex.Message);
            return 1;
        }
    }
}
