using Playground.Server.CommandLine;
using Playground.Server.Hosting;

if (CommandLineApp.IsCommand(args))
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return await CommandLineApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
}

return await PlaygroundHost.RunAsync(args);

/// <summary>The entry point; public so that WebApplicationFactory can find it.</summary>
public partial class Program;
