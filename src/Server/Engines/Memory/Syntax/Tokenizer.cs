namespace Playground.Engines.Memory.Syntax;

/// <summary>
/// Python's tokenizer for the subset (Parser/tokenizer.c in CPython): INDENT/DEDENT from a stack of
/// indentation widths, NEWLINE only at the end of a logical line, implicit line joining inside brackets,
/// explicit joining with a backslash, comments dropped. Strings keep their prefix and quotes; the parser
/// decodes them.
/// </summary>
internal sealed class Tokenizer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=",
        "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
        "+", "-", "*", "/", "%", "@", "<", ">", "=", ".", ",", ":", ";", "(", ")", "[", "]", "{", "}", "&", "|", "^", "~",
    ];

    private readonly string _src;
    private readonly List<Token> _tokens = [];
    private readonly Stack<int> _indents = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private Tokenizer(string src)
    {
        _src = src.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        _indents.Push(0);
    }

    private int Col => _pos - _lineStart + 1;

    public static List<Token> Tokenize(string source)
    {
        var t = new Tokenizer(source);
        t.Run();
        return t._tokens;
    }

    private void Run()
    {
        var atLineStart = true;
        while (true)
        {
            if (atLineStart && _depth == 0)
            {
                if (!HandleIndentation())
                {
                    break;
                }

                atLineStart = false;
            }

            if (_pos >= _src.Length)
            {
                break;
            }

            var c = _src[_pos];
            if (c == ' ' || c == '\t' || c == '\f')
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '\\')
            {
                if (_pos + 1 < _src.Length && _src[_pos + 1] == '\n')
                {
                    _pos += 2;
                    NewLine();
                }
                else
                {
                    throw new SubsetException(_line, Col, "unexpected character after line continuation character");
                }
            }
            else if (c == '\n')
            {
                if (_depth == 0)
                {
                    Add(TokenKind.Newline, "\n", _line, Col, _line, Col + 1);
                    atLineStart = true;
                }

                _pos++;
                NewLine();
            }
            else if (char.IsLetter(c) || c == '_' || c > 127)
            {
                ReadNameOrString();
            }
            else if (char.IsDigit(c) || (c == '.' && _pos + 1 < _src.Length && char.IsDigit(_src[_pos + 1])))
            {
                ReadNumber();
            }
            else if (c == '\'' || c == '"')
            {
                ReadString(_pos, _line, Col);
            }
            else
            {
                ReadOperator();
            }
        }

        if (_depth > 0)
        {
            var open = _tokens.LastOrDefault(t => t.Kind == TokenKind.Op && t.Text is "(" or "[" or "{");
            throw new SubsetException(open.Line, open.Col, $"'{open.Text}' was never closed");
        }

        if (_tokens.Count > 0 && _tokens[^1].Kind is not TokenKind.Newline and not TokenKind.Dedent)
        {
            Add(TokenKind.Newline, "", _line, Col, _line, Col);
        }

        while (_indents.Count > 1)
        {
            _indents.Pop();
            Add(TokenKind.Dedent, "", _line, 1, _line, 1);
        }

        Add(TokenKind.End, "", _line, Col, _line, Col);
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Measures the indentation of a new line; blank and comment-only lines produce no tokens.</summary>
    private bool HandleIndentation()
    {
        while (true)
        {
            var width = 0;
            while (_pos < _src.Length && (_src[_pos] == ' ' || _src[_pos] == '\t' || _src[_pos] == '\f'))
            {
                width = _src[_pos] == '\t' ? (width / 8 + 1) * 8 : width + 1;
                _pos++;
            }

            if (_pos >= _src.Length)
            {
                return false;
            }

            var c = _src[_pos];
            if (c == '#')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    _pos++;
                }

                continue;
            }

            if (c == '\n')
            {
                _pos++;
                NewLine();
                continue;
            }

            if (c == '\\' && _pos + 1 < _src.Length && _src[_pos + 1] == '\n')
            {
                return true;
            }

            if (width > _indents.Peek())
            {
                _indents.Push(width);
                Add(TokenKind.Indent, "", _line, 1, _line, Col);
            }
            else
            {
                while (width < _indents.Peek())
                {
                    _indents.Pop();
                    Add(TokenKind.Dedent, "", _line, Col, _line, Col);
                }

                if (width != _indents.Peek())
                {
                    throw new SubsetException(_line, Col, "unindent does not match any outer indentation level");
                }
            }

            return true;
        }
    }

    private void ReadNameOrString()
    {
        var start = _pos;
        var col = Col;
        while (_pos < _src.Length && (char.IsLetterOrDigit(_src[_pos]) || _src[_pos] == '_' || _src[_pos] > 127))
        {
            _pos++;
        }

        var word = _src[start.._pos];
        if (_pos < _src.Length && (_src[_pos] == '\'' || _src[_pos] == '"') && word.Length <= 2 &&
            word.All(ch => "rRbBfFuU".Contains(ch, StringComparison.Ordinal)))
        {
            ReadString(start, _line, col);
            return;
        }

        Add(TokenKind.Name, word, _line, col, _line, Col);
    }

    private void ReadNumber()
    {
        var start = _pos;
        var col = Col;
        if (_src[_pos] == '0' && _pos + 1 < _src.Length && "xXoObB".Contains(_src[_pos + 1], StringComparison.Ordinal))
        {
            _pos += 2;
            while (_pos < _src.Length && (char.IsAsciiHexDigit(_src[_pos]) || _src[_pos] == '_'))
            {
                _pos++;
            }
        }
        else
        {
            while (_pos < _src.Length && (char.IsDigit(_src[_pos]) || _src[_pos] == '_'))
            {
                _pos++;
            }

            if (_pos < _src.Length && _src[_pos] == '.')
            {
                _pos++;
                while (_pos < _src.Length && (char.IsDigit(_src[_pos]) || _src[_pos] == '_'))
                {
                    _pos++;
                }
            }

            if (_pos < _src.Length && (_src[_pos] == 'e' || _src[_pos] == 'E'))
            {
                var save = _pos;
                _pos++;
                if (_pos < _src.Length && (_src[_pos] == '+' || _src[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos < _src.Length && char.IsDigit(_src[_pos]))
                {
                    while (_pos < _src.Length && char.IsDigit(_src[_pos]))
                    {
                        _pos++;
                    }
                }
                else
                {
                    _pos = save;
                }
            }

            if (_pos < _src.Length && (_src[_pos] == 'j' || _src[_pos] == 'J'))
            {
                throw SubsetException.NotInSubset(_line, col, "complex number");
            }
        }

        if (_pos < _src.Length && (char.IsLetter(_src[_pos]) || _src[_pos] == '_'))
        {
            throw new SubsetException(_line, col, "invalid decimal literal");
        }

        Add(TokenKind.Number, _src[start.._pos], _line, col, _line, Col);
    }

    private void ReadString(int start, int line, int col)
    {
        var quote = _src[_pos];
        var triple = _pos + 2 < _src.Length && _src[_pos + 1] == quote && _src[_pos + 2] == quote;
        var raw = _src[start.._pos].Contains('r', StringComparison.OrdinalIgnoreCase);
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (_pos >= _src.Length)
            {
                throw new SubsetException(line, col, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
            }

            var c = _src[_pos];
            if (c == '\\' && _pos + 1 < _src.Length)
            {
                if (_src[_pos + 1] == '\n')
                {
                    _pos += 2;
                    NewLine();
                    continue;
                }

                _pos += 2;
                continue;
            }

            if (c == '\n')
            {
                if (!triple)
                {
                    throw new SubsetException(line, col, "unterminated string literal");
                }

                _pos++;
                NewLine();
                continue;
            }

            if (c == quote && (!triple || (_pos + 2 < _src.Length && _src[_pos + 1] == quote && _src[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                break;
            }

            _pos++;
        }

        _ = raw;
        Add(TokenKind.String, _src[start.._pos], line, col, _line, Col);
    }

    private void ReadOperator()
    {
        var col = Col;
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(_src, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                if (op is "(" or "[" or "{")
                {
                    _depth++;
                }
                else if (op is ")" or "]" or "}")
                {
                    if (_depth == 0)
                    {
                        throw new SubsetException(_line, col, $"unmatched '{op}'");
                    }

                    _depth--;
                }

                Add(TokenKind.Op, op, _line, col, _line, Col);
                return;
            }
        }

        throw new SubsetException(_line, col, $"invalid character '{_src[_pos]}' (U+{(int)_src[_pos]:X4})");
    }

    private void Add(TokenKind kind, string text, int line, int col, int endLine, int endCol) =>
        _tokens.Add(new Token(kind, text, line, col, endLine, endCol));
}
