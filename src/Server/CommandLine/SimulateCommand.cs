using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Playground.Engines.Memory;
using Playground.Shared.Memory;

namespace Playground.Server.CommandLine;

/// <summary>
/// <c>simulate FILE.py [--trace json] [--max-steps N] [--max-objects N] [--timeout SECONDS]</c>: runs a script in
/// the memory engine and prints what <c>python3 FILE.py</c> prints; uncaught exceptions go to stderr with exit
/// code 1. Limits are off unless given.
/// </summary>
public sealed class SimulateCommand : ICommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Summary => "simulate FILE.py [--trace json] [--max-steps N] [--max-objects N] [--timeout S]: run a script in the CPython 3.11 memory simulator";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = SimulationOptions.Unlimited();
        options.RecordTrace = false;
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--trace":
                        var format = Value();
                        if (format != "json")
                        {
                            await stderr.WriteLineAsync($"simulate: --trace supports only 'json', not '{format}'.");
                            return 2;
                        }

                        options.RecordTrace = true;
                        break;
                    case "--max-steps":
                        options.MaxSteps = long.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--max-objects":
                        options.MaxObjects = long.Parse(Value(), CultureInfo.InvariantCulture);
                        break;
                    case "--timeout":
                        options.WallTime = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));
                        break;
                    default:
                        if (args[i].StartsWith('-') || file != null)
                        {
                            await stderr.WriteLineAsync($"simulate: unexpected argument '{args[i]}'.");
                            return 2;
                        }

                        file = args[i];
                        break;
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                await stderr.WriteLineAsync($"simulate: {e.Message}");
                return 2;
            }
        }

        if (file == null)
        {
            await stderr.WriteLineAsync("simulate: usage: simulate FILE.py [--trace json] [--max-steps N] [--max-objects N] [--timeout SECONDS]");
            return 2;
        }

        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"simulate: can't open file '{file}': [Errno 2] No such file or directory");
            return 2;
        }

        options.FileName = file;
        var source = await File.ReadAllTextAsync(file, cancellationToken);
        MemoryTrace trace;
        try
        {
            trace = MemorySimulator.Run(source, options, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // A fault of the simulator, not of the script: say so in one sentence, no stack trace.
            await stderr.WriteLineAsync($"simulate: the memory engine could not run {file}: {e.InnerException?.Message ?? e.Message} This is a bug in the playground.");
            return 3;
        }

        if (options.RecordTrace)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(trace, JsonOptions));
        }
        else
        {
            await stdout.WriteAsync(trace.Stdout);
            await stderr.WriteAsync(trace.Stderr);
            if (trace.Outcome is not RunOutcome.Completed and not RunOutcome.UncaughtException and not RunOutcome.Rejected)
            {
                await stderr.WriteLineAsync(trace.Message);
            }
        }

        await stdout.FlushAsync(cancellationToken);
        return trace.Outcome == RunOutcome.Completed ? 0 : 1;
    }
}
