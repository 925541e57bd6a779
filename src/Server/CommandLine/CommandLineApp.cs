namespace Playground.Server.CommandLine;

/// <summary>
/// The server executable's verbs. With no verb (or only options such as <c>--urls</c>) it runs the web
/// host; with one it runs that command and exits. The engines add their verbs here.
/// </summary>
public static class CommandLineApp
{
    private static readonly Dictionary<string, ICommand> Verbs = new(StringComparer.Ordinal)
    {
        ["simulate"] = new SimulateCommand(),
        ["bench"] = new BenchCommand(),
        ["run"] = new RunCommand(),
        ["bench-processes"] = new ProcessBenchCommand(),
    };

    /// <summary>True when <paramref name="args"/> starts with a word, not an option: a command, not the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args[0];
        if (verb is "help")
        {
            await WriteHelpAsync(stdout);
            return 0;
        }

        if (!Verbs.TryGetValue(verb, out var command))
        {
            await stderr.WriteLineAsync($"playground: '{verb}' is not a command. Commands: {string.Join(", ", Verbs.Keys.Append("help"))}.");
            return 2;
        }

        return await command.RunAsync(args[1..], stdout, stderr, cancellationToken);
    }

    private static async Task WriteHelpAsync(TextWriter stdout)
    {
        await stdout.WriteLineAsync("Usage: Playground.Server [--urls URL] | COMMAND [ARGS]");
        await stdout.WriteLineAsync("With no command the web playground starts (http://localhost:5000 by default).");
        await stdout.WriteLineAsync("Commands:");
        foreach (var (name, command) in Verbs)
        {
            await stdout.WriteLineAsync($"  {name,-10} {command.Summary}");
        }

        await stdout.WriteLineAsync($"  {"help",-10} this text");
    }
}
