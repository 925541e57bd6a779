namespace Playground.Engines.Memory.Syntax;

/// <summary>
/// The names a program uses that CPython has but the playground does not: a builtin outside the subset
/// (<c>open</c>, <c>input</c>, <c>super</c>, <c>round</c>, <c>OSError</c>, ...) or a function of
/// <c>gc</c>, <c>sys</c> or <c>weakref</c> beyond those the subset models. They are refused before the
/// program runs, at their line and column, as the parser refuses syntax outside the subset, rather than
/// failing halfway with a NameError that CPython would never raise.
/// </summary>
/// <remarks>
/// A name the program binds itself anywhere (a def, a class, an assignment, a parameter, ...) is the
/// program's own and never refused; a name CPython does not know at all is left to raise NameError at
/// run time, exactly as in CPython.
/// </remarks>
internal static class SubsetNames
{
    // dir(builtins) of CPython 3.11 (Python/bltinmodule.c and Objects/exceptions.c), without the
    // keywords True/False/None and the dunder module attributes.
    private static readonly HashSet<string> CPythonBuiltins = new(StringComparer.Ordinal)
    {
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup", "BlockingIOError",
        "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
        "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
        "EnvironmentError", "Exception", "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError",
        "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
        "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
        "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
        "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration",
        "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError",
        "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
        "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
        "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
        "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod",
        "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
        "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list",
        "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
        "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
        "super", "tuple", "type", "vars", "zip",
    };

    /// <summary>Refuses the first name outside the subset, in source order.</summary>
    /// <param name="isBuiltin">Whether the playground's interpreter provides a builtin of that name.</param>
    /// <param name="moduleHas">Whether the playground's module (gc, sys, weakref) has that attribute.</param>
    /// <exception cref="SubsetException">A name CPython has and the subset does not.</exception>
    public static void Check(ModuleNode module, Func<string, bool> isBuiltin, Func<string, string, bool> moduleHas)
    {
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var imported = new HashSet<string>(StringComparer.Ordinal);
        var uses = new List<Expr>();
        var walker = new Walker(bound, imported, uses);
        walker.Statements(module.Body);

        foreach (var use in uses)
        {
            switch (use)
            {
                case NameExpr n when !bound.Contains(n.Id) && CPythonBuiltins.Contains(n.Id) && !isBuiltin(n.Id):
                    throw SubsetException.NotInSubset(n.Line, n.Col, n.Id);
                case AttributeExpr { Value: NameExpr m } a when imported.Contains(m.Id) && !moduleHas(m.Id, a.Attr):
                    throw SubsetException.NotInSubset(a.Line, a.Col, m.Id + "." + a.Attr);
            }
        }
    }

    /// <summary>Collects the names the program binds (anywhere: the check is deliberately generous) and every name or module attribute it reads.</summary>
    private sealed class Walker(HashSet<string> bound, HashSet<string> imported, List<Expr> uses)
    {
        public void Statements(Stmt[] body)
        {
            foreach (var s in body)
            {
                Statement(s);
            }
        }

        private void Statement(Stmt s)
        {
            switch (s)
            {
                case ExprStmt e:
                    Expression(e.Value);
                    break;
                case AssignStmt a:
                    Expression(a.Value);
                    foreach (var t in a.Targets)
                    {
                        Target(t);
                    }

                    break;
                case AugAssignStmt a:
                    Target(a.Target);
                    Expression(a.Value);
                    break;
                case DelStmt d:
                    foreach (var t in d.Targets)
                    {
                        Target(t);
                    }

                    break;
                case IfStmt i:
                    Expression(i.Test);
                    Statements(i.Body);
                    Statements(i.OrElse);
                    break;
                case WhileStmt w:
                    Expression(w.Test);
                    Statements(w.Body);
                    Statements(w.OrElse);
                    break;
                case ForStmt f:
                    Expression(f.Iter);
                    Target(f.Target);
                    Statements(f.Body);
                    Statements(f.OrElse);
                    break;
                case FunctionDefStmt f:
                    bound.Add(f.Name);
                    Parameters(f.Parameters);
                    Statements(f.Body);
                    break;
                case ClassDefStmt c:
                    bound.Add(c.Name);
                    if (c.Base is not null)
                    {
                        Expression(c.Base);
                    }

                    Statements(c.Body);
                    break;
                case ReturnStmt { Value: { } value }:
                    Expression(value);
                    break;
                case GlobalStmt g:
                    bound.UnionWith(g.Names);
                    break;
                case ImportStmt i:
                    imported.UnionWith(i.Modules);
                    break;
                case TryStmt t:
                    Statements(t.Body);
                    foreach (var h in t.Handlers)
                    {
                        if (h.Type is not null)
                        {
                            Expression(h.Type);
                        }

                        if (h.Name is not null)
                        {
                            bound.Add(h.Name);
                        }

                        Statements(h.Body);
                    }

                    Statements(t.OrElse);
                    Statements(t.FinalBody);
                    break;
                case RaiseStmt { Exception: { } exception }:
                    Expression(exception);
                    break;
            }
        }

        private void Parameters(Parameters parameters)
        {
            bound.UnionWith(parameters.Names);
            foreach (var d in parameters.Defaults)
            {
                if (d is not null)
                {
                    Expression(d);
                }
            }
        }

        /// <summary>A name stored to is bound; the parts of an attribute or subscript target are read.</summary>
        private void Target(Expr target)
        {
            switch (target)
            {
                case NameExpr n:
                    bound.Add(n.Id);
                    break;
                case DisplayExpr d:
                    foreach (var item in d.Items)
                    {
                        Target(item);
                    }

                    break;
                default:
                    Expression(target);
                    break;
            }
        }

        private void Expression(Expr e)
        {
            switch (e)
            {
                case NameExpr:
                    uses.Add(e);
                    break;
                case AttributeExpr a:
                    uses.Add(a);
                    Expression(a.Value);
                    break;
                case SubscriptExpr s:
                    Expression(s.Value);
                    Expression(s.Index);
                    break;
                case SliceExpr s:
                    Optional(s.Lower);
                    Optional(s.Upper);
                    Optional(s.Step);
                    break;
                case CallExpr c:
                    Expression(c.Func);
                    All(c.Args);
                    foreach (var (_, value) in c.Keywords)
                    {
                        Expression(value);
                    }

                    break;
                case BinOpExpr b:
                    Expression(b.Left);
                    Expression(b.Right);
                    break;
                case UnaryExpr u:
                    Expression(u.Operand);
                    break;
                case BoolOpExpr b:
                    All(b.Values);
                    break;
                case CompareExpr c:
                    Expression(c.Left);
                    All(c.Comparators);
                    break;
                case IfExpr i:
                    Expression(i.Test);
                    Expression(i.Body);
                    Expression(i.OrElse);
                    break;
                case DisplayExpr d:
                    All(d.Items);
                    break;
                case DictExpr d:
                    All(d.Keys);
                    All(d.Values);
                    break;
                case ListCompExpr l:
                    foreach (var g in l.Generators)
                    {
                        Expression(g.Iter);
                        Target(g.Target);
                        All(g.Ifs);
                    }

                    Expression(l.Element);
                    break;
                case LambdaExpr l:
                    Parameters(l.Parameters);
                    Expression(l.Body);
                    break;
                case FStringExpr f:
                    All(f.Parts);
                    break;
                case FormattedValueExpr f:
                    Expression(f.Value);
                    Optional(f.Spec);
                    break;
            }
        }

        private void Optional(Expr? e)
        {
            if (e is not null)
            {
                Expression(e);
            }
        }

        private void All(Expr[] items)
        {
            foreach (var item in items)
            {
                Expression(item);
            }
        }
    }
}
