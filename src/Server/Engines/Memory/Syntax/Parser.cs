namespace Playground.Engines.Memory.Syntax;

/// <summary>
/// A recursive-descent parser for the subset, following the precedence of Python's grammar
/// (Grammar/python.gram). Constructs outside the subset are rejected here, before anything runs, with the
/// construct's name and place. Literals become constants through <see cref="IConstantFactory"/>.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> AllowedModules = ["gc", "sys", "weakref"];

    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["async"] = "async def",
        ["await"] = "await",
        ["yield"] = "yield",
        ["with"] = "with",
        ["assert"] = "assert",
        ["nonlocal"] = "nonlocal",
        ["match"] = "match",
        ["from"] = "from ... import",
    };

    private readonly List<Token> _tokens;
    private readonly IConstantFactory _constants;
    private int _p;

    private Parser(List<Token> tokens, IConstantFactory constants)
    {
        _tokens = tokens;
        _constants = constants;
    }

    private Token Cur => _tokens[_p];

    private Token Prev => _tokens[_p - 1];

    public static ModuleNode ParseModule(string source, IConstantFactory constants)
    {
        var tokens = Tokenizer.Tokenize(source);
        var parser = new Parser(tokens, constants);
        var body = new List<Stmt>();
        while (parser.Cur.Kind != TokenKind.End)
        {
            if (parser.Cur.Kind == TokenKind.Newline)
            {
                parser._p++;
                continue;
            }

            if (parser.Cur.Kind == TokenKind.Indent)
            {
                throw new SubsetException(parser.Cur.Line, parser.Cur.Col, "unexpected indent");
            }

            body.AddRange(parser.Statement());
        }

        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var module = new ModuleNode([.. body], lines);
        Resolver.Resolve(module);
        return module;
    }

    /// <summary>Parses one expression (an f-string replacement field) at a given place.</summary>
    private Expr SubExpression(string text, int line, int col)
    {
        List<Token> tokens;
        try
        {
            tokens = Tokenizer.Tokenize("(" + text + ")");
        }
        catch (SubsetException e)
        {
            throw new SubsetException(line, col, "f-string: " + e.Problem);
        }

        var shifted = tokens.Select(t => t with { Line = line + t.Line - 1, EndLine = line + t.EndLine - 1, Col = t.Line == 1 ? col + t.Col - 2 : t.Col, EndCol = t.EndLine == 1 ? col + t.EndCol - 2 : t.EndCol }).ToList();
        var sub = new Parser(shifted, _constants);
        var e2 = sub.Test();
        if (sub.Cur.Kind != TokenKind.Newline && sub.Cur.Kind != TokenKind.End)
        {
            throw new SubsetException(sub.Cur.Line, sub.Cur.Col, "f-string: invalid syntax");
        }

        return e2;
    }

    private SubsetException Error(Token t, string message) => new(t.Line, t.Col, message);

    private SubsetException Unexpected(Token t) => t.Kind switch
    {
        TokenKind.Indent => Error(t, "unexpected indent"),
        TokenKind.End or TokenKind.Newline => Error(t, "invalid syntax: the statement is incomplete"),
        _ => Error(t, $"invalid syntax near {t}"),
    };

    private bool Accept(string op)
    {
        if (Cur.Is(op) && Cur.Kind != TokenKind.String)
        {
            _p++;
            return true;
        }

        return false;
    }

    private Token Expect(string op)
    {
        if (!Cur.Is(op) || Cur.Kind == TokenKind.String)
        {
            if (op == ":" && Cur.Kind == TokenKind.Newline)
            {
                throw Error(Cur, "expected ':'");
            }

            if (op is ")" or "]" or "}")
            {
                throw Error(Cur, $"invalid syntax: expected '{op}'");
            }

            throw Error(Cur, $"expected '{op}'");
        }

        return _tokens[_p++];
    }

    private string ExpectName()
    {
        if (Cur.Kind != TokenKind.Name || Keywords.Contains(Cur.Text))
        {
            throw Unexpected(Cur);
        }

        return _tokens[_p++].Text;
    }

    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private void EndOfSimpleStatement()
    {
        if (Cur.Kind == TokenKind.Newline)
        {
            _p++;
            return;
        }

        if (Cur.Is(";"))
        {
            return;
        }

        throw Unexpected(Cur);
    }

    private Stmt[] Block()
    {
        Expect(":");
        if (Cur.Kind != TokenKind.Newline)
        {
            var simple = new List<Stmt>();
            simple.AddRange(SimpleStatements());
            return [.. simple];
        }

        _p++;
        if (Cur.Kind != TokenKind.Indent)
        {
            throw Error(Cur, $"expected an indented block after line {Prev.Line}");
        }

        _p++;
        var body = new List<Stmt>();
        while (Cur.Kind != TokenKind.Dedent && Cur.Kind != TokenKind.End)
        {
            if (Cur.Kind == TokenKind.Newline)
            {
                _p++;
                continue;
            }

            body.AddRange(Statement());
        }

        if (Cur.Kind == TokenKind.Dedent)
        {
            _p++;
        }

        return [.. body];
    }

    private List<Stmt> Statement()
    {
        var t = Cur;
        if (t.Kind == TokenKind.Name && Rejected.TryGetValue(t.Text, out var construct) && !(t.Text == "match" && !LooksLikeMatch()))
        {
            // 'async' opens async def, async for and async with alike: name the one the student wrote.
            if (t.Text == "async" && _tokens[_p + 1] is { Kind: TokenKind.Name, Text: "for" or "with" } next)
            {
                construct = "async " + next.Text;
            }

            throw SubsetException.NotInSubset(t.Line, t.Col, construct);
        }

        if (t.Is("@"))
        {
            throw SubsetException.NotInSubset(t.Line, t.Col, "decorator");
        }

        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "if":
                    _p++;
                    return [IfRest(t)];
                case "while":
                {
                    _p++;
                    var test = NamedTest();
                    var body = Block();
                    var orElse = ElseBlock();
                    return [new WhileStmt(test, body, orElse).At<Stmt>(t, Prev)];
                }

                case "for":
                {
                    _p++;
                    var target = TargetList();
                    Expect("in");
                    var iter = ExpressionList();
                    var body = Block();
                    var orElse = ElseBlock();
                    return [new ForStmt(target, iter, body, orElse).At<Stmt>(t, Prev)];
                }

                case "def":
                    return [FunctionDef()];
                case "class":
                    return [ClassDef()];
                case "try":
                    return [Try()];
            }
        }

        var list = SimpleStatements();
        return list;
    }

    private bool LooksLikeMatch() => _tokens[_p + 1].Kind is TokenKind.Name or TokenKind.Number or TokenKind.String && _tokens.Skip(_p).TakeWhile(x => x.Kind != TokenKind.Newline).LastOrDefault().Is(":");

    private List<Stmt> SimpleStatements()
    {
        var list = new List<Stmt> { SimpleStatement() };
        while (Accept(";"))
        {
            if (Cur.Kind == TokenKind.Newline)
            {
                break;
            }

            list.Add(SimpleStatement());
        }

        EndOfSimpleStatement();
        return list;
    }

    private Stmt[] ElseBlock()
    {
        if (Cur.Is("else"))
        {
            _p++;
            return Block();
        }

        return [];
    }

    private Stmt IfRest(Token start)
    {
        var test = NamedTest();
        var body = Block();
        Stmt[] orElse = [];
        if (Cur.Is("elif"))
        {
            var elif = Cur;
            _p++;
            orElse = [IfRest(elif)];
        }
        else if (Cur.Is("else"))
        {
            _p++;
            orElse = Block();
        }

        return new IfStmt(test, body, orElse).At<Stmt>(start, Prev);
    }

    private Expr NamedTest()
    {
        var e = Test();
        if (Cur.Is(":="))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, ":=");
        }

        return e;
    }

    private Stmt FunctionDef()
    {
        var start = Cur;
        _p++;
        var name = ExpectName();
        Expect("(");
        var parameters = ParameterList(")");
        Expect(")");
        if (Cur.Is("->"))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "return annotation");
        }

        var body = Block();
        return new FunctionDefStmt(name, parameters, body).At<Stmt>(start, Prev);
    }

    private Parameters ParameterList(string end)
    {
        var names = new List<string>();
        var defaults = new List<Expr?>();
        while (!Cur.Is(end))
        {
            if (Cur.Is("*") || Cur.Is("**") || Cur.Is("/"))
            {
                throw SubsetException.NotInSubset(Cur.Line, Cur.Col, Cur.Text == "/" ? "positional-only marker /" : Cur.Text + "args");
            }

            var pt = Cur;
            var n = ExpectName();
            if (names.Contains(n))
            {
                throw Error(pt, $"duplicate argument '{n}' in function definition");
            }

            if (Cur.Is(":") && end == ")")
            {
                throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "annotation");
            }

            names.Add(n);
            if (Accept("="))
            {
                defaults.Add(Test());
            }
            else
            {
                if (defaults.Count > 0 && defaults[^1] != null)
                {
                    throw Error(pt, "non-default argument follows default argument");
                }

                defaults.Add(null);
            }

            if (!Accept(","))
            {
                break;
            }
        }

        return new Parameters([.. names], [.. defaults]);
    }

    private Stmt ClassDef()
    {
        var start = Cur;
        _p++;
        var name = ExpectName();
        Expr? baseClass = null;
        if (Accept("("))
        {
            if (!Cur.Is(")"))
            {
                baseClass = Test();
                if (Cur.Is(","))
                {
                    throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "multiple inheritance");
                }

                if (Cur.Is("="))
                {
                    throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "class keyword argument");
                }
            }

            Expect(")");
        }

        var body = Block();
        return new ClassDefStmt(name, baseClass, body).At<Stmt>(start, Prev);
    }

    private Stmt Try()
    {
        var start = Cur;
        _p++;
        var body = Block();
        var handlers = new List<ExceptHandler>();
        while (Cur.Is("except"))
        {
            var ht = Cur;
            _p++;
            if (Cur.Is("*"))
            {
                throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "except*");
            }

            Expr? type = null;
            string? name = null;
            if (!Cur.Is(":"))
            {
                type = Test();
                if (Cur.Is(","))
                {
                    var items = new List<Expr> { type };
                    while (Accept(","))
                    {
                        items.Add(Test());
                    }

                    type = new DisplayExpr(DisplayKind.Tuple, [.. items]).At<Expr>(ht, Prev);
                }

                if (Accept("as"))
                {
                    name = ExpectName();
                }
            }

            handlers.Add(new ExceptHandler(type, name, Block()) { Line = ht.Line });
        }

        var orElse = handlers.Count > 0 ? ElseBlock() : [];
        Stmt[] finalBody = [];
        if (Cur.Is("finally"))
        {
            _p++;
            finalBody = Block();
        }

        if (handlers.Count == 0 && finalBody.Length == 0)
        {
            throw Error(Cur, "expected 'except' or 'finally' block");
        }

        return new TryStmt(body, [.. handlers], orElse, finalBody).At<Stmt>(start, Prev);
    }

    private Stmt SimpleStatement()
    {
        var t = Cur;
        if (t.Kind == TokenKind.Name)
        {
            if (Rejected.TryGetValue(t.Text, out var construct) && t.Text != "match")
            {
                throw SubsetException.NotInSubset(t.Line, t.Col, construct);
            }

            switch (t.Text)
            {
                case "pass":
                    _p++;
                    return new PassStmt().At<Stmt>(t, t);
                case "break":
                    _p++;
                    return new BreakStmt().At<Stmt>(t, t);
                case "continue":
                    _p++;
                    return new ContinueStmt().At<Stmt>(t, t);
                case "return":
                {
                    _p++;
                    Expr? value = Cur.Kind == TokenKind.Newline || Cur.Is(";") ? null : ExpressionList();
                    return new ReturnStmt(value).At<Stmt>(t, Prev);
                }

                case "raise":
                {
                    _p++;
                    Expr? value = Cur.Kind == TokenKind.Newline || Cur.Is(";") ? null : Test();
                    if (Cur.Is("from"))
                    {
                        throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "raise ... from");
                    }

                    return new RaiseStmt(value).At<Stmt>(t, Prev);
                }

                case "global":
                {
                    _p++;
                    var names = new List<string> { ExpectName() };
                    while (Accept(","))
                    {
                        names.Add(ExpectName());
                    }

                    return new GlobalStmt([.. names]).At<Stmt>(t, Prev);
                }

                case "del":
                {
                    _p++;
                    var targets = new List<Expr> { Primary() };
                    while (Accept(","))
                    {
                        if (Cur.Kind == TokenKind.Newline)
                        {
                            break;
                        }

                        targets.Add(Primary());
                    }

                    foreach (var target in targets)
                    {
                        if (target is not NameExpr and not AttributeExpr and not SubscriptExpr)
                        {
                            throw new SubsetException(target.Line, target.Col, "cannot delete this expression");
                        }
                    }

                    return new DelStmt([.. targets]).At<Stmt>(t, Prev);
                }

                case "import":
                {
                    _p++;
                    var modules = new List<string>();
                    do
                    {
                        var mt = Cur;
                        var module = ExpectName();
                        if (Cur.Is(".") || !AllowedModules.Contains(module))
                        {
                            throw new SubsetException(mt.Line, mt.Col, $"'import {module}' is not part of the playground's Python subset (only gc, sys and weakref can be imported)");
                        }

                        if (Cur.Is("as"))
                        {
                            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "import ... as");
                        }

                        modules.Add(module);
                    }
                    while (Accept(","));

                    return new ImportStmt([.. modules]).At<Stmt>(t, Prev);
                }
            }
        }

        var first = ExpressionList();
        if (Cur.Is("="))
        {
            var targets = new List<Expr> { first };
            Expr value = first;
            while (Accept("="))
            {
                value = Cur.Is("yield") ? throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "yield") : ExpressionList();
                targets.Add(value);
            }

            targets.RemoveAt(targets.Count - 1);
            foreach (var target in targets)
            {
                CheckTarget(target);
            }

            return new AssignStmt([.. targets], value).At<Stmt>(t, Prev);
        }

        if (Cur.Kind == TokenKind.Op && Cur.Text.Length >= 2 && Cur.Text[^1] == '=' && Cur.Text is not "==" and not "!=" and not "<=" and not ">=")
        {
            var opTok = Cur;
            _p++;
            if (opTok.Text is "@=" or "&=" or "|=" or "^=" or "<<=" or ">>=")
            {
                throw SubsetException.NotInSubset(opTok.Line, opTok.Col, opTok.Text);
            }

            if (first is not NameExpr and not AttributeExpr and not SubscriptExpr)
            {
                throw new SubsetException(first.Line, first.Col, "'" + Describe(first) + "' is an illegal expression for augmented assignment");
            }

            var value = ExpressionList();
            return new AugAssignStmt(first, opTok.Text[..^1], value).At<Stmt>(t, Prev);
        }

        if (Cur.Is(":"))
        {
            throw SubsetException.NotInSubset(Cur.Line, Cur.Col, "variable annotation");
        }

        return new ExprStmt(first).At<Stmt>(t, Prev);
    }

    private static string Describe(Expr e) => e switch
    {
        CallExpr => "function call",
        ConstExpr => "literal",
        DisplayExpr { Kind: DisplayKind.Tuple } => "tuple",
        DisplayExpr { Kind: DisplayKind.List } => "list",
        BinOpExpr or UnaryExpr => "expression",
        CompareExpr => "comparison",
        _ => "expression",
    };

    private static void CheckTarget(Expr target)
    {
        switch (target)
        {
            case NameExpr or AttributeExpr or SubscriptExpr:
                return;
            case DisplayExpr { Kind: DisplayKind.Tuple or DisplayKind.List } d:
                foreach (var item in d.Items)
                {
                    CheckTarget(item);
                }

                return;
            case CallExpr:
                throw new SubsetException(target.Line, target.Col, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
            case ConstExpr:
                throw new SubsetException(target.Line, target.Col, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
            default:
                throw new SubsetException(target.Line, target.Col, $"cannot assign to {Describe(target)} here. Maybe you meant '==' instead of '='?");
        }
    }

    private Expr TargetList()
    {
        var start = Cur;
        var first = Primary();
        if (!Cur.Is(","))
        {
            CheckTarget(first);
            return first;
        }

        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (Cur.Is("in"))
            {
                break;
            }

            items.Add(Primary());
        }

        var tuple = new DisplayExpr(DisplayKind.Tuple, [.. items]).At<Expr>(start, Prev);
        CheckTarget(tuple);
        return tuple;
    }
}
