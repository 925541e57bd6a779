using System.Globalization;
using System.Numerics;
using System.Text;

namespace Playground.Engines.Memory.Syntax;

internal sealed partial class Parser
{
    private static readonly HashSet<string> Comparisons = ["<", ">", "==", ">=", "<=", "!="];

    private Expr ExpressionList()
    {
        var start = Cur;
        var first = Test();
        if (!Cur.Is(","))
        {
            return first;
        }

        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (Cur.Kind == TokenKind.Newline || Cur.Is("=") || Cur.Is(")") || Cur.Is(";") || (Cur.Kind == TokenKind.Op && Cur.Text.EndsWith('=') && Cur.Text.Length > 1 && !Comparisons.Contains(Cur.Text)) || Cur.Is(":"))
            {
                break;
            }

            items.Add(Test());
        }

        return Tuple(items, start);
    }

    private Expr Tuple(List<Expr> items, Token start)
    {
        if (items.All(i => i is ConstExpr))
        {
            return new ConstExpr(_constants.Tuple([.. items.Select(i => ((ConstExpr)i).Value)])).At<Expr>(start, Prev);
        }

        return new DisplayExpr(DisplayKind.Tuple, [.. items]).At<Expr>(start, Prev);
    }

    private Expr Test()
    {
        var start = Cur;
        if (Cur.Is("lambda"))
        {
            _p++;
            var parameters = ParameterList(":");
            Expect(":");
            var body = Test();
            return new LambdaExpr(parameters, body).At<Expr>(start, Prev);
        }

        if (Cur.Is("*"))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "starred expression");
        }

        if (Cur.Is("yield") || Cur.Is("await"))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, Cur.Text);
        }

        var e = OrTest();
        if (Cur.Is("if") && Cur.Kind == TokenKind.Name)
        {
            _p++;
            var test = OrTest();
            if (!Cur.Is("else"))
            {
                throw Error(Cur, "expected 'else' after 'if' expression");
            }

            _p++;
            var orElse = Test();
            return new IfExpr(test, e, orElse).At<Expr>(start, Prev);
        }

        if (Cur.Is(":="))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, ":=");
        }

        return e;
    }

    private Expr OrTest()
    {
        var start = Cur;
        var e = AndTest();
        if (!Cur.Is("or"))
        {
            return e;
        }

        var values = new List<Expr> { e };
        while (Accept("or"))
        {
            values.Add(AndTest());
        }

        return new BoolOpExpr(false, [.. values]).At<Expr>(start, Prev);
    }

    private Expr AndTest()
    {
        var start = Cur;
        var e = NotTest();
        if (!Cur.Is("and"))
        {
            return e;
        }

        var values = new List<Expr> { e };
        while (Accept("and"))
        {
            values.Add(NotTest());
        }

        return new BoolOpExpr(true, [.. values]).At<Expr>(start, Prev);
    }

    private Expr NotTest()
    {
        var start = Cur;
        if (Accept("not"))
        {
            var operand = NotTest();
            return new UnaryExpr("not", operand).At<Expr>(start, Prev);
        }

        return Comparison();
    }

    private Expr Comparison()
    {
        var start = Cur;
        var left = BitOr();
        var ops = new List<string>();
        var rights = new List<Expr>();
        while (true)
        {
            string? op = null;
            if (Cur.Kind == TokenKind.Op && Comparisons.Contains(Cur.Text))
            {
                op = Cur.Text;
                _p++;
            }
            else if (Cur.Is("in") && Cur.Kind == TokenKind.Name)
            {
                op = "in";
                _p++;
            }
            else if (Cur.Is("not") && _tokens[_p + 1].Is("in"))
            {
                op = "not in";
                _p += 2;
            }
            else if (Cur.Is("is") && Cur.Kind == TokenKind.Name)
            {
                _p++;
                op = Accept("not") ? "is not" : "is";
            }

            if (op == null)
            {
                break;
            }

            ops.Add(op);
            rights.Add(BitOr());
        }

        return ops.Count == 0 ? left : new CompareExpr(left, [.. ops], [.. rights]).At<Expr>(start, Prev);
    }

    private Expr BitOr()
    {
        var e = Arith();
        if (Cur.Kind == TokenKind.Op && Cur.Text is "|" or "^" or "&" or "<<" or ">>")
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, Cur.Text);
        }

        return e;
    }

    private Expr Arith()
    {
        var start = Cur;
        var e = Term();
        while (Cur.Kind == TokenKind.Op && Cur.Text is "+" or "-")
        {
            var op = _tokens[_p++].Text;
            var right = Term();
            e = Binary(e, op, right, start);
        }

        return e;
    }

    private Expr Term()
    {
        var start = Cur;
        var e = Factor();
        while (Cur.Kind == TokenKind.Op && Cur.Text is "*" or "/" or "//" or "%" or "@")
        {
            if (Cur.Text == "@")
            {
                throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "@");
            }

            var op = _tokens[_p++].Text;
            var right = Factor();
            e = Binary(e, op, right, start);
        }

        return e;
    }

    private Expr Binary(Expr left, string op, Expr right, Token start)
    {
        if (left is ConstExpr l && right is ConstExpr r && _constants.Fold(op, l.Value, r.Value) is { } folded)
        {
            return new ConstExpr(folded).At<Expr>(start, Prev);
        }

        return new BinOpExpr(left, op, right).At<Expr>(start, Prev);
    }

    private Expr Factor()
    {
        var start = Cur;
        if (Cur.Kind == TokenKind.Op && Cur.Text is "-" or "+")
        {
            var op = _tokens[_p++].Text;
            var operand = Factor();
            if (op == "-" && operand is ConstExpr c && _constants.Negate(c.Value) is { } negated)
            {
                return new ConstExpr(negated).At<Expr>(start, Prev);
            }

            return new UnaryExpr(op, operand).At<Expr>(start, Prev);
        }

        if (Cur.Is("~"))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "~");
        }

        return Power();
    }

    private Expr Power()
    {
        var start = Cur;
        var e = Primary();
        if (Cur.Is("**"))
        {
            _p++;
            var right = Factor();
            return Binary(e, "**", right, start);
        }

        return e;
    }

    private Expr Primary()
    {
        var start = Cur;
        var e = Atom();
        while (true)
        {
            if (Accept("."))
            {
                var name = ExpectName();
                e = new AttributeExpr(e, name).At<Expr>(start, Prev);
            }
            else if (Cur.Is("(") && Cur.Kind == TokenKind.Op)
            {
                _p++;
                var args = new List<Expr>();
                var keywords = new List<(string, Expr)>();
                while (!Cur.Is(")"))
                {
                    if (Cur.Is("*") || Cur.Is("**"))
                    {
                        throw SubsetException.NotInSubset(Cur.Line, Cur.Col, Cur.Text + " in a call");
                    }

                    if (Cur.Kind == TokenKind.Name && _tokens[_p + 1].Is("=") && _tokens[_p + 1].Kind == TokenKind.Op)
                    {
                        var kt = Cur;
                        var kname = ExpectName();
                        _p++;
                        if (keywords.Any(k => k.Item1 == kname))
                        {
                            throw Error(kt, $"keyword argument repeated: {kname}");
                        }

                        keywords.Add((kname, Test()));
                    }
                    else
                    {
                        if (keywords.Count > 0)
                        {
                            throw Error(Cur, "positional argument follows keyword argument");
                        }

                        args.Add(Test());
                        if (Cur.Is("for"))
                        {
                            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "generator expression");
                        }
                    }

                    if (!Accept(","))
                    {
                        break;
                    }
                }

                Expect(")");
                e = new CallExpr(e, [.. args], [.. keywords]).At<Expr>(start, Prev);
            }
            else if (Cur.Is("[") && Cur.Kind == TokenKind.Op)
            {
                _p++;
                var index = SubscriptList();
                Expect("]");
                e = new SubscriptExpr(e, index).At<Expr>(start, Prev);
            }
            else
            {
                return e;
            }
        }
    }

    private Expr SubscriptList()
    {
        var start = Cur;
        var first = SliceItem();
        if (!Cur.Is(","))
        {
            return first;
        }

        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (Cur.Is("]"))
            {
                break;
            }

            items.Add(SliceItem());
        }

        return Tuple(items, start);
    }

    private Expr SliceItem()
    {
        var start = Cur;
        Expr? lower = null;
        if (!Cur.Is(":"))
        {
            lower = Test();
            if (!Cur.Is(":"))
            {
                return lower;
            }
        }

        _p++;
        Expr? upper = Cur.Is("]") || Cur.Is(":") || Cur.Is(",") ? null : Test();
        Expr? step = null;
        if (Accept(":") && !Cur.Is("]") && !Cur.Is(","))
        {
            step = Test();
        }

        return new SliceExpr(lower, upper, step).At<Expr>(start, Prev);
    }

    private Expr Atom()
    {
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _p++;
                return new ConstExpr(Number(t)).At<Expr>(t, t);
            case TokenKind.String:
                return Strings();
            case TokenKind.Name:
                if (Rejected.TryGetValue(t.Text, out var construct) && t.Text is "await" or "yield")
                {
                    throw SubsetException.NotInSubset(t.Line, t.Col, construct);
                }

                _p++;
                switch (t.Text)
                {
                    case "None":
                        return new ConstExpr(_constants.None()).At<Expr>(t, t);
                    case "True":
                        return new ConstExpr(_constants.Bool(true)).At<Expr>(t, t);
                    case "False":
                        return new ConstExpr(_constants.Bool(false)).At<Expr>(t, t);
                }

                if (Keywords.Contains(t.Text))
                {
                    throw Error(t, "invalid syntax");
                }

                return new NameExpr(t.Text).At<Expr>(t, t);
            case TokenKind.Op:
                switch (t.Text)
                {
                    case "(":
                    {
                        _p++;
                        if (Accept(")"))
                        {
                            return new ConstExpr(_constants.Tuple([])).At<Expr>(t, Prev);
                        }

                        var first = Test();
                        if (Cur.Is("for"))
                        {
                            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "generator expression");
                        }

                        if (Accept(")"))
                        {
                            return first;
                        }

                        var items = new List<Expr> { first };
                        while (Accept(","))
                        {
                            if (Cur.Is(")"))
                            {
                                break;
                            }

                            items.Add(Test());
                        }

                        Expect(")");
                        return Tuple(items, t);
                    }

                    case "[":
                    {
                        _p++;
                        var items = new List<Expr>();
                        if (!Cur.Is("]"))
                        {
                            var first = Test();
                            if (Cur.Is("for"))
                            {
                                var gens = Comprehensions();
                                Expect("]");
                                return new ListCompExpr(first, gens).At<Expr>(t, Prev);
                            }

                            items.Add(first);
                            while (Accept(","))
                            {
                                if (Cur.Is("]"))
                                {
                                    break;
                                }

                                items.Add(Test());
                            }
                        }

                        Expect("]");
                        return new DisplayExpr(DisplayKind.List, [.. items]).At<Expr>(t, Prev);
                    }

                    case "{":
                    {
                        _p++;
                        if (Accept("}"))
                        {
                            return new DictExpr([], []).At<Expr>(t, Prev);
                        }

                        if (Cur.Is("**"))
                        {
                            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "** in a dict display");
                        }

                        var first = Test();
                        if (Accept(":"))
                        {
                            var keys = new List<Expr> { first };
                            var values = new List<Expr> { Test() };
                            if (Cur.Is("for"))
                            {
                                throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "dict comprehension");
                            }

                            while (Accept(","))
                            {
                                if (Cur.Is("}"))
                                {
                                    break;
                                }

                                keys.Add(Test());
                                Expect(":");
                                values.Add(Test());
                            }

                            Expect("}");
                            return new DictExpr([.. keys], [.. values]).At<Expr>(t, Prev);
                        }

                        if (Cur.Is("for"))
                        {
                            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "set comprehension");
                        }

                        var items = new List<Expr> { first };
                        while (Accept(","))
                        {
                            if (Cur.Is("}"))
                            {
                                break;
                            }

                            items.Add(Test());
                        }

                        Expect("}");
                        return new DisplayExpr(DisplayKind.Set, [.. items]).At<Expr>(t, Prev);
                    }

                    case "...":
                        throw SubsetException.NotInSubset(t.Line, t.Col, "...");
                }

                break;
        }

        throw Unexpected(t);
    }

    private Comprehension[] Comprehensions()
    {
        var gens = new List<Comprehension>();
        while (Cur.Is("for"))
        {
            _p++;
            var target = TargetList();
            Expect("in");
            var iter = OrTest();
            var ifs = new List<Expr>();
            while (Cur.Is("if"))
            {
                _p++;
                ifs.Add(OrTest());
            }

            gens.Add(new Comprehension(target, iter, [.. ifs]));
        }

        return [.. gens];
    }

    private Runtime.PyObject Number(Token t)
    {
        var text = t.Text.Replace("_", "", StringComparison.Ordinal);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return _constants.Int(BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            var radix = char.ToLowerInvariant(text[1]) == 'o' ? 8 : 2;
            var v = BigInteger.Zero;
            foreach (var c in text[2..])
            {
                v = (v * radix) + (c - '0');
            }

            return _constants.Int(v);
        }

        if (text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return _constants.Float(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (text.Length > 1 && text[0] == '0' && text.Any(c => c != '0'))
        {
            throw Error(t, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }

        return _constants.Int(BigInteger.Parse(text, CultureInfo.InvariantCulture));
    }

    private Expr Strings()
    {
        var start = Cur;
        var parts = new List<Expr>();
        var literal = new StringBuilder();
        var isF = false;
        while (Cur.Kind == TokenKind.String)
        {
            var t = _tokens[_p++];
            var q = t.Text.IndexOfAny(['\'', '"']);
            var prefix = t.Text[..q].ToLowerInvariant();
            if (prefix.Contains('b', StringComparison.Ordinal))
            {
                throw SubsetException.NotInSubset(t.Line, t.Col, "bytes literal");
            }

            var quoteLen = t.Text.Length - q >= 6 && t.Text[q] == t.Text[q + 1] && t.Text[q] == t.Text[q + 2] ? 3 : 1;
            var body = t.Text[(q + quoteLen)..^quoteLen];
            var raw = prefix.Contains('r', StringComparison.Ordinal);
            if (prefix.Contains('f', StringComparison.Ordinal))
            {
                isF = true;
                FString(body, raw, t, quoteLen + q, parts, literal);
            }
            else
            {
                literal.Append(raw ? body : Unescape(body, t));
            }
        }

        if (!isF)
        {
            return new ConstExpr(_constants.Str(literal.ToString())).At<Expr>(start, Prev);
        }

        if (literal.Length > 0)
        {
            parts.Add(new ConstExpr(_constants.Str(literal.ToString())).At<Expr>(start, Prev));
        }

        return new FStringExpr([.. parts]).At<Expr>(start, Prev);
    }

    private void FString(string body, bool raw, Token t, int offset, List<Expr> parts, StringBuilder literal)
    {
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '{' && i + 1 < body.Length && body[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
                continue;
            }

            if (c == '}' && i + 1 < body.Length && body[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
                continue;
            }

            if (c == '}')
            {
                throw Error(t, "f-string: single '}' is not allowed");
            }

            if (c != '{')
            {
                var j = i;
                while (j < body.Length && body[j] != '{' && body[j] != '}')
                {
                    j++;
                }

                literal.Append(raw ? body[i..j] : Unescape(body[i..j], t));
                i = j;
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new ConstExpr(_constants.Str(literal.ToString())).At<Expr>(t, t));
                literal.Clear();
            }

            var depth = 0;
            var k = i + 1;
            var exprEnd = -1;
            var conversion = '\0';
            var specStart = -1;
            char? quote = null;
            for (; k < body.Length; k++)
            {
                var ch = body[k];
                if (quote != null)
                {
                    if (ch == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                }
                else if (ch is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (ch is ')' or ']' or '}' && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0 && ch == '!' && k + 1 < body.Length && body[k + 1] != '=' && exprEnd < 0)
                {
                    exprEnd = k;
                    conversion = k + 1 < body.Length ? body[k + 1] : '\0';
                    k++;
                }
                else if (depth == 0 && ch == ':' && specStart < 0)
                {
                    exprEnd = exprEnd < 0 ? k : exprEnd;
                    specStart = k + 1;
                    var nested = 0;
                    for (k = specStart; k < body.Length; k++)
                    {
                        if (body[k] == '{')
                        {
                            nested++;
                        }
                        else if (body[k] == '}')
                        {
                            if (nested == 0)
                            {
                                break;
                            }

                            nested--;
                        }
                    }

                    break;
                }
                else if (depth == 0 && ch == '}')
                {
                    break;
                }
            }

            if (k >= body.Length)
            {
                throw Error(t, "f-string: expecting '}'");
            }

            exprEnd = exprEnd < 0 ? k : exprEnd;
            var exprText = body[(i + 1)..exprEnd];
            if (exprText.Trim().Length == 0)
            {
                throw Error(t, "f-string: empty expression not allowed");
            }

            if (exprText.TrimEnd().EndsWith('=') && !exprText.TrimEnd().EndsWith("==", StringComparison.Ordinal))
            {
                throw SubsetException.NotInSubset(t.Line, t.Col, "f-string '=' specifier");
            }

            if (conversion is not '\0' and not 'r' and not 's')
            {
                throw Error(t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }

            var value = SubExpression(exprText, t.Line, t.Col + offset + i + 1);
            Expr? spec = null;
            if (specStart >= 0)
            {
                var specParts = new List<Expr>();
                var specLiteral = new StringBuilder();
                FString(body[specStart..k], raw, t, offset, specParts, specLiteral);
                if (specLiteral.Length > 0)
                {
                    specParts.Add(new ConstExpr(_constants.Str(specLiteral.ToString())).At<Expr>(t, t));
                }

                spec = new FStringExpr([.. specParts]).At<Expr>(t, t);
            }

            parts.Add(new FormattedValueExpr(value, conversion, spec).At<Expr>(t, t));
            i = k + 1;
        }
    }

    private string Unescape(string s, Token t)
    {
        if (!s.Contains('\\', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            var c = s[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case '\n': break;
                case 'x' or 'u':
                {
                    var digits = c == 'x' ? 2 : 4;
                    if (s.Length - i - 1 < digits ||
                        !int.TryParse(s.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new SubsetException(t.Line, t.Col, $"(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\{c}{new string('X', digits)} escape");
                    }

                    sb.Append((char)code);
                    i += digits;
                    break;
                }
                default:
                    _ = t;
                    sb.Append('\\').Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
