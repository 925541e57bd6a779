namespace Playground.Engines.Memory.Syntax;

/// <summary>
/// A source text the playground will not run: a syntax error, or a construct outside the teaching subset.
/// The message is a sentence with a place, "line 4, col 1: ...", columns counted from 1 as editors do.
/// </summary>
public sealed class SubsetException : Exception
{
    public SubsetException(int line, int col, string problem)
        : base($"line {line}, col {col}: {problem}")
    {
        Line = line;
        Col = col;
        Problem = problem;
    }

    public SubsetException()
    {
        Problem = "";
    }

    public SubsetException(string message)
        : base(message)
    {
        Problem = message;
    }

    public SubsetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    public int Line { get; }

    public int Col { get; }

    public string Problem { get; }

    public static SubsetException NotInSubset(int line, int col, string construct) =>
        new(line, col, $"'{construct}' is not part of the playground's Python subset");
}
