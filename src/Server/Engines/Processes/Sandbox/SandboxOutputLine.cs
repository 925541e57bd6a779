namespace Playground.Engines.Processes.Sandbox;

/// <summary>Which pipe of the run a line came from.</summary>
public enum SandboxStream
{
    Stdout,
    Stderr,
}

/// <summary>One line a sandboxed run wrote (without its newline), in the order the runner read it.</summary>
public sealed record SandboxOutputLine(SandboxStream Stream, string Text, TimeSpan At);
