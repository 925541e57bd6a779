namespace Playground.Server.CommandLine;

/// <summary>One verb of the server executable (<c>simulate</c>, <c>run</c>, <c>bench</c>...).</summary>
public interface ICommand
{
    /// <summary>One line for <c>help</c>.</summary>
    string Summary { get; }

    /// <summary>Runs the command; the result is the process's exit code.</summary>
    Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);
}
