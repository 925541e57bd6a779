namespace Playground.Engines.Memory.Syntax;

internal enum TokenKind
{
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    End,
}

/// <summary>One token with its place (1-based line and col, as CPython's tokenize reports +1 on the col).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Col, int EndLine, int EndCol)
{
    public bool Is(string op) => (Kind == TokenKind.Op || Kind == TokenKind.Name) && Text == op;

    public override string ToString() => Kind switch
    {
        TokenKind.Newline => "end of line",
        TokenKind.Indent => "indent",
        TokenKind.Dedent => "dedent",
        TokenKind.End => "end of file",
        _ => $"'{Text}'",
    };
}
