namespace Playground.Engines.Memory.Syntax;

/// <summary>
/// The symbol table pass (Python/symtable.c): a name assigned anywhere in a function is local to it
/// unless declared global; locals get fast slots in co_varnames order (parameters first, then by first
/// appearance); names of enclosing functions are read through the enclosing frame; module and class
/// bodies use dictionaries.
/// </summary>
internal static class Resolver
{
    public static void Resolve(ModuleNode module)
    {
        foreach (var s in module.Body)
        {
            Stmt(s, null);
        }
    }

    private static void Declare(Stmt[] body, Scope scope)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case GlobalStmt g:
                    foreach (var n in g.Names)
                    {
                        scope.Globals.Add(n);
                    }

                    break;
                case AssignStmt a:
                    foreach (var t in a.Targets)
                    {
                        Targets(t, scope);
                    }

                    break;
                case AugAssignStmt a:
                    Targets(a.Target, scope);
                    break;
                case DelStmt d:
                    foreach (var t in d.Targets)
                    {
                        Targets(t, scope);
                    }

                    break;
                case ForStmt f:
                    Targets(f.Target, scope);
                    Declare(f.Body, scope);
                    Declare(f.OrElse, scope);
                    break;
                case WhileStmt w:
                    Declare(w.Body, scope);
                    Declare(w.OrElse, scope);
                    break;
                case IfStmt i:
                    Declare(i.Body, scope);
                    Declare(i.OrElse, scope);
                    break;
                case TryStmt t:
                    Declare(t.Body, scope);
                    foreach (var h in t.Handlers)
                    {
                        if (h.Name != null)
                        {
                            Add(scope, h.Name);
                        }

                        Declare(h.Body, scope);
                    }

                    Declare(t.OrElse, scope);
                    Declare(t.FinalBody, scope);
                    break;
                case FunctionDefStmt f:
                    Add(scope, f.Name);
                    break;
                case ClassDefStmt c:
                    Add(scope, c.Name);
                    break;
                case ImportStmt i:
                    foreach (var m in i.Modules)
                    {
                        Add(scope, m);
                    }

                    break;
            }
        }
    }

    private static void Targets(Expr target, Scope scope)
    {
        switch (target)
        {
            case NameExpr n:
                Add(scope, n.Id);
                break;
            case DisplayExpr d:
                foreach (var i in d.Items)
                {
                    Targets(i, scope);
                }

                break;
        }
    }

    private static void Add(Scope scope, string name)
    {
        if (!scope.Globals.Contains(name) && !scope.Locals.Contains(name))
        {
            scope.Locals.Add(name);
        }
    }

    private static void Name(NameExpr n, Scope? scope)
    {
        if (scope == null)
        {
            n.Scope = NameScope.Global;
            return;
        }

        if (scope.IsClass)
        {
            // A class body reads its own namespace first. A name it never binds but an enclosing function
            // does is free in the class: LOAD_CLASSDEREF (3.11) looks in the namespace, then in the
            // function's cell; one it binds is read by LOAD_NAME, which skips enclosing functions. A name
            // it declares global is the module's (STORE_GLOBAL, LOAD_GLOBAL).
            if (scope.Globals.Contains(n.Id))
            {
                n.Scope = NameScope.Global;
                return;
            }

            n.Scope = NameScope.ClassBody;

            // The body runs while the function's frame is there, so the name needs no cell that outlives
            // it: a method that reads the name makes it one.
            if (!scope.Locals.Contains(n.Id) && FindEnclosing(n.Id, scope, outlivesFrame: false) is { } free)
            {
                (n.Slot, n.Depth) = free;
            }

            return;
        }

        var slot = scope.Globals.Contains(n.Id) ? -1 : scope.SlotOf(n.Id);
        if (slot >= 0)
        {
            n.Scope = NameScope.Local;
            n.Slot = slot;
            return;
        }

        if (!scope.Globals.Contains(n.Id) && FindEnclosing(n.Id, scope, outlivesFrame: true) is { } found)
        {
            n.Scope = NameScope.Enclosing;
            (n.Slot, n.Depth) = found;
            return;
        }

        n.Scope = NameScope.Global;
    }

    /// <summary>
    /// The nearest enclosing function that binds <paramref name="name"/>: its slot and how many function
    /// frames out it is (class bodies are no enclosing scope and are not counted); a cell variable when
    /// what reads it may <paramref name="outlivesFrame"/> (a function made there). A function between
    /// that declares the name global makes it the module's (symtable.c: a global in an enclosing function
    /// is implicitly global in the scopes it encloses).
    /// </summary>
    private static (int Slot, int Depth)? FindEnclosing(string name, Scope scope, bool outlivesFrame)
    {
        var depth = 0;
        for (var s = scope.Parent; s != null; s = s.Parent)
        {
            if (s.IsClass)
            {
                continue;
            }

            if (s.Globals.Contains(name))
            {
                return null;
            }

            depth++;
            var i = s.SlotOf(name);
            if (i >= 0)
            {
                if (outlivesFrame)
                {
                    s.CellSlots.Add(i);
                }

                return (i, depth);
            }
        }

        return null;
    }

    private static Scope NewScope(string name, Scope? parent, string[] parameters)
    {
        var scope = new Scope(name) { Parent = parent };
        scope.Locals.AddRange(parameters);
        return scope;
    }

    private static void Stmt(Stmt s, Scope? scope)
    {
        switch (s)
        {
            case ExprStmt e:
                Expr(e.Value, scope);
                break;
            case AssignStmt a:
                Expr(a.Value, scope);
                foreach (var t in a.Targets)
                {
                    Expr(t, scope);
                }

                break;
            case AugAssignStmt a:
                Expr(a.Target, scope);
                Expr(a.Value, scope);
                break;
            case DelStmt d:
                foreach (var t in d.Targets)
                {
                    Expr(t, scope);
                }

                break;
            case IfStmt i:
                Expr(i.Test, scope);
                Block(i.Body, scope);
                Block(i.OrElse, scope);
                break;
            case WhileStmt w:
                Expr(w.Test, scope);
                Block(w.Body, scope);
                Block(w.OrElse, scope);
                break;
            case ForStmt f:
                Expr(f.Iter, scope);
                Expr(f.Target, scope);
                Block(f.Body, scope);
                Block(f.OrElse, scope);
                break;
            case ReturnStmt r:
                if (scope == null || scope.IsClass)
                {
                    throw new SubsetException(r.Line, r.Col, "'return' outside function");
                }

                if (r.Value != null)
                {
                    Expr(r.Value, scope);
                }

                break;
            case RaiseStmt r:
                if (r.Exception != null)
                {
                    Expr(r.Exception, scope);
                }

                break;
            case FunctionDefStmt f:
            {
                foreach (var d in f.Parameters.Defaults)
                {
                    if (d != null)
                    {
                        Expr(d, scope);
                    }
                }

                f.Scope = NewScope(f.Name, scope, f.Parameters.Names);
                Declare(f.Body, f.Scope);
                Block(f.Body, f.Scope);
                f.Target = Target(f.Name, f, scope);
                break;
            }

            case ClassDefStmt c:
            {
                if (c.Base != null)
                {
                    Expr(c.Base, scope);
                }

                var classScope = new Scope(c.Name) { Parent = scope, IsClass = true };
                Declare(c.Body, classScope);
                Block(c.Body, classScope);
                c.Target = Target(c.Name, c, scope);
                break;
            }

            case ImportStmt i:
                i.Targets = [.. i.Modules.Select(m => Target(m, i, scope))];
                break;
            case TryStmt t:
                Block(t.Body, scope);
                foreach (var h in t.Handlers)
                {
                    if (h.Type != null)
                    {
                        Expr(h.Type, scope);
                    }

                    if (h.Name != null)
                    {
                        h.Target = new NameExpr(h.Name) { Line = h.Line };
                        Name(h.Target, scope);
                    }

                    Block(h.Body, scope);
                }

                Block(t.OrElse, scope);
                Block(t.FinalBody, scope);
                break;
            case BreakStmt or ContinueStmt or PassStmt or GlobalStmt:
                break;
        }
    }

    private static NameExpr Target(string name, Node at, Scope? scope)
    {
        var n = new NameExpr(name) { Line = at.Line, Col = at.Col, EndLine = at.EndLine, EndCol = at.EndCol };
        Name(n, scope);
        return n;
    }

    private static void Block(Stmt[] body, Scope? scope)
    {
        foreach (var s in body)
        {
            Stmt(s, scope);
        }
    }

    private static void Expr(Expr? e, Scope? scope)
    {
        switch (e)
        {
            case null or ConstExpr:
                return;
            case NameExpr n:
                Name(n, scope);
                return;
            case AttributeExpr a:
                Expr(a.Value, scope);
                return;
            case SubscriptExpr s:
                Expr(s.Value, scope);
                Expr(s.Index, scope);
                return;
            case SliceExpr s:
                Expr(s.Lower, scope);
                Expr(s.Upper, scope);
                Expr(s.Step, scope);
                return;
            case CallExpr c:
                Expr(c.Func, scope);
                foreach (var a in c.Args)
                {
                    Expr(a, scope);
                }

                foreach (var (_, v) in c.Keywords)
                {
                    Expr(v, scope);
                }

                return;
            case BinOpExpr b:
                Expr(b.Left, scope);
                Expr(b.Right, scope);
                return;
            case UnaryExpr u:
                Expr(u.Operand, scope);
                return;
            case BoolOpExpr b:
                foreach (var v in b.Values)
                {
                    Expr(v, scope);
                }

                return;
            case CompareExpr c:
                Expr(c.Left, scope);
                foreach (var v in c.Comparators)
                {
                    Expr(v, scope);
                }

                return;
            case IfExpr i:
                Expr(i.Test, scope);
                Expr(i.Body, scope);
                Expr(i.OrElse, scope);
                return;
            case DisplayExpr d:
                foreach (var v in d.Items)
                {
                    Expr(v, scope);
                }

                return;
            case DictExpr d:
                for (var i = 0; i < d.Keys.Length; i++)
                {
                    Expr(d.Keys[i], scope);
                    Expr(d.Values[i], scope);
                }

                return;
            case FStringExpr f:
                foreach (var p in f.Parts)
                {
                    Expr(p, scope);
                }

                return;
            case FormattedValueExpr f:
                Expr(f.Value, scope);
                Expr(f.Spec, scope);
                return;
            case LambdaExpr l:
                foreach (var d in l.Parameters.Defaults)
                {
                    Expr(d, scope);
                }

                l.Scope = NewScope("<lambda>", scope, l.Parameters.Names);
                Expr(l.Body, l.Scope);
                return;
            case ListCompExpr c:
            {
                // The first iterable is evaluated in the enclosing scope and passed in as ".0".
                Expr(c.Generators[0].Iter, scope);
                c.Scope = NewScope("<listcomp>", scope, [".0"]);
                foreach (var g in c.Generators)
                {
                    Targets(g.Target, c.Scope);
                }

                for (var i = 0; i < c.Generators.Length; i++)
                {
                    if (i > 0)
                    {
                        Expr(c.Generators[i].Iter, c.Scope);
                    }

                    Expr(c.Generators[i].Target, c.Scope);
                    foreach (var cond in c.Generators[i].Ifs)
                    {
                        Expr(cond, c.Scope);
                    }
                }

                Expr(c.Element, c.Scope);
                return;
            }
        }
    }
}
