using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

// Statements and calls. A call to a Python function moves the arguments from the caller's stack into the
// new frame's fast locals (3.11 _PyEvalFramePushAndInit), so inside the callee a parameter counts once
// for the local and once for whatever the caller still holds; on return the locals are released in slot order.
internal sealed partial class Interpreter
{
    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    public void RunModule(ModuleNode module)
    {
        var frame = new Frame("<module>", null, null, null);
        PushFrame(frame);
        try
        {
            ExecBlock(module.Body, frame);

            // The interpreter's exit is a step of its own, on the last line, opened while the module's
            // names are still there to see: what it frees (every global let go, then the classes and
            // functions they held) is not what the last line did.
            Recorder?.Exiting(frame.Line, _stdout.Length);
        }
        catch (PyException e)
        {
            AddTraceback(e, frame);
            throw;
        }
        finally
        {
            PopFrame(frame);
        }
    }

    private Flow ExecBlock(Stmt[] body, Frame f)
    {
        foreach (var s in body)
        {
            var flow = Exec(s, f);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow Exec(Stmt s, Frame f)
    {
        f.Line = s.Line;
        f.At = s;
        Step(s.Line);
        switch (s)
        {
            case ExprStmt e:
                Decref(Eval(e.Value, f), Why.Temporary);
                return Flow.Normal;
            case AssignStmt a:
                ExecAssign(a, f);
                return Flow.Normal;
            case AugAssignStmt a:
                ExecAugAssign(a, f);
                return Flow.Normal;
            case IfStmt i:
            {
                var t = Eval(i.Test, f);
                var b = Truthy(t);
                Decref(t, Why.Temporary);
                return ExecBlock(b ? i.Body : i.OrElse, f);
            }

            case WhileStmt w:
                while (true)
                {
                    var t = Eval(w.Test, f);
                    var b = Truthy(t);
                    Decref(t, Why.Temporary);
                    if (!b)
                    {
                        return ExecBlock(w.OrElse, f);
                    }

                    var flow = ExecBlock(w.Body, f);
                    if (flow == Flow.Break)
                    {
                        return Flow.Normal;
                    }

                    if (flow == Flow.Return)
                    {
                        return flow;
                    }

                    f.Line = s.Line;
                    Step(s.Line);
                }

            case ForStmt fs:
                return ExecFor(fs, f);
            case PassStmt or GlobalStmt:
                return Flow.Normal;
            case BreakStmt:
                return Flow.Break;
            case ContinueStmt:
                return Flow.Continue;
            case ReturnStmt r:
                f.ReturnValue = r.Value == null ? NewNone() : Eval(r.Value, f);
                return Flow.Return;
            case DelStmt d:
                foreach (var t in d.Targets)
                {
                    DeleteTarget(t, f);
                }

                return Flow.Normal;
            case FunctionDefStmt fd:
            {
                var fn = MakeFunction(fd.Name, fd.Scope, fd.Parameters, fd.Body, null, f);
                StoreName(fd.Target, fn, f);
                return Flow.Normal;
            }

            case ClassDefStmt cd:
                ExecClass(cd, f);
                return Flow.Normal;
            case ImportStmt im:
            {
                for (var i = 0; i < im.Modules.Length; i++)
                {
                    var m = _modules[im.Modules[i]];
                    m.RefCount++;
                    StoreName(im.Targets[i], m, f);
                }

                return Flow.Normal;
            }

            case TryStmt t:
                return ExecTry(t, f);
            case RaiseStmt r:
                throw ExecRaise(r, f);
        }

        throw new InvalidOperationException($"unknown statement {s.GetType().Name}");
    }

    private void ExecAssign(AssignStmt a, Frame f)
    {
        // a, b = b, a with up to 3 names: the compiler turns BUILD_TUPLE + UNPACK_SEQUENCE into SWAPs, no tuple.
        if (a.Targets.Length == 1 && a.Targets[0] is DisplayExpr { Kind: DisplayKind.Tuple or DisplayKind.List } target &&
            a.Value is DisplayExpr { Kind: DisplayKind.Tuple } value && value.Items.Length == target.Items.Length && value.Items.Length <= 3)
        {
            var values = new PyObject[value.Items.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Eval(value.Items[i], f);
            }

            for (var i = 0; i < values.Length; i++)
            {
                AssignTarget(target.Items[i], values[i], f);
            }

            return;
        }

        var v = Eval(a.Value, f);
        for (var i = 0; i < a.Targets.Length; i++)
        {
            if (i < a.Targets.Length - 1)
            {
                Incref(v, Why.Temporary);
            }

            AssignTarget(a.Targets[i], v, f);
        }
    }

    /// <summary>Stores an owned reference into a target (name, attribute, item, or an unpacking).</summary>
    public void AssignTarget(Expr target, PyObject value, Frame f)
    {
        switch (target)
        {
            case NameExpr n:
                StoreName(n, value, f);
                return;
            case AttributeExpr a:
            {
                PyObject obj;
                try
                {
                    obj = Eval(a.Value, f);
                }
                catch
                {
                    Decref(value, Why.Temporary);
                    throw;
                }

                try
                {
                    SetAttr(obj, a.Attr, value);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                }

                return;
            }

            case SubscriptExpr s:
            {
                PyObject obj, idx;
                try
                {
                    obj = Eval(s.Value, f);
                }
                catch
                {
                    Decref(value, Why.Temporary);
                    throw;
                }

                try
                {
                    idx = s.Index is SliceExpr sl ? EvalSlice(sl, f) : Eval(s.Index, f);
                }
                catch
                {
                    Decref(value, Why.Temporary);
                    Decref(obj, Why.Temporary);
                    throw;
                }

                try
                {
                    SetItem(obj, idx, value, s);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                    Decref(idx, Why.Temporary);
                }

                return;
            }

            case DisplayExpr d:
            {
                PyObject[] items;
                try
                {
                    items = Unpack(value, d.Items.Length);
                }
                finally
                {
                    Decref(value, Why.Temporary);
                }

                for (var i = 0; i < items.Length; i++)
                {
                    AssignTarget(d.Items[i], items[i], f);
                }

                return;
            }
        }

        Decref(value, Why.Temporary);
        throw new InvalidOperationException("invalid target");
    }

    private PyObject[] Unpack(PyObject value, int n)
    {
        var it = GetIter(value);
        var items = new List<PyObject>();
        try
        {
            while (Next(it) is { } item)
            {
                items.Add(item);
                if (items.Count > n)
                {
                    foreach (var x in items)
                    {
                        Decref(x, Why.Temporary);
                    }

                    throw Raise(Types.ValueError, $"too many values to unpack (expected {n})");
                }
            }
        }
        finally
        {
            Decref(it, Why.Temporary);
        }

        if (items.Count < n)
        {
            foreach (var x in items)
            {
                Decref(x, Why.Temporary);
            }

            throw Raise(Types.ValueError, $"not enough values to unpack (expected {n}, got {items.Count})");
        }

        return [.. items];
    }

    private void DeleteTarget(Expr t, Frame f)
    {
        switch (t)
        {
            case NameExpr n:
                DeleteName(n, f);
                return;
            case AttributeExpr a:
            {
                var obj = Eval(a.Value, f);
                try
                {
                    DelAttr(obj, a.Attr);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                }

                return;
            }

            case SubscriptExpr s:
            {
                var obj = Eval(s.Value, f);
                PyObject idx;
                try
                {
                    idx = s.Index is SliceExpr sl ? EvalSlice(sl, f) : Eval(s.Index, f);
                }
                catch
                {
                    Decref(obj, Why.Temporary);
                    throw;
                }

                try
                {
                    DelItem(obj, idx);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                    Decref(idx, Why.Temporary);
                }

                return;
            }
        }
    }

    private void ExecAugAssign(AugAssignStmt a, Frame f)
    {
        switch (a.Target)
        {
            case NameExpr n:
            {
                var cur = LoadName(n, f);
                PyObject r;
                try
                {
                    var v = Eval(a.Value, f);
                    try
                    {
                        f.At = a;
                        r = InPlaceOp(a.Op, cur, v);
                    }
                    finally
                    {
                        Decref(v, Why.Temporary);
                    }
                }
                finally
                {
                    Decref(cur, Why.Temporary);
                }

                StoreName(n, r, f);
                return;
            }

            case AttributeExpr at:
            {
                var obj = Eval(at.Value, f);
                try
                {
                    var cur = GetAttr(obj, at.Attr);
                    PyObject r;
                    try
                    {
                        var v = Eval(a.Value, f);
                        try
                        {
                            f.At = a;
                            r = InPlaceOp(a.Op, cur, v);
                        }
                        finally
                        {
                            Decref(v, Why.Temporary);
                        }
                    }
                    finally
                    {
                        Decref(cur, Why.Temporary);
                    }

                    SetAttr(obj, at.Attr, r);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                }

                return;
            }

            case SubscriptExpr s:
            {
                var obj = Eval(s.Value, f);
                var idx = Eval(s.Index, f);
                try
                {
                    var cur = GetItem(obj, idx);
                    PyObject r;
                    try
                    {
                        var v = Eval(a.Value, f);
                        try
                        {
                            f.At = a;
                            r = InPlaceOp(a.Op, cur, v);
                        }
                        finally
                        {
                            Decref(v, Why.Temporary);
                        }
                    }
                    finally
                    {
                        Decref(cur, Why.Temporary);
                    }

                    SetItem(obj, idx, r, s);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                    Decref(idx, Why.Temporary);
                }

                return;
            }
        }
    }

    private Flow ExecFor(ForStmt fs, Frame f)
    {
        var iterable = Eval(fs.Iter, f);

        // GET_ITER carries the for statement's location, which spans its body: no carets.
        f.At = fs;
        PyObject it;
        try
        {
            it = GetIter(iterable);
        }
        finally
        {
            Decref(iterable, Why.Temporary);
        }

        try
        {
            while (true)
            {
                var item = Next(it);
                if (item == null)
                {
                    break;
                }

                AssignTarget(fs.Target, item, f);
                var flow = ExecBlock(fs.Body, f);
                if (flow == Flow.Break)
                {
                    return Flow.Normal;
                }

                if (flow == Flow.Return)
                {
                    return flow;
                }

                f.Line = fs.Line;
            }
        }
        finally
        {
            Decref(it, Why.Temporary);
        }

        return ExecBlock(fs.OrElse, f);
    }

    private void ExecClass(ClassDefStmt cd, Frame f)
    {
        var baseType = Types.Object;
        if (cd.Base != null)
        {
            var b = Eval(cd.Base, f);
            Decref(b, Why.Temporary);
            baseType = b as PyType ?? throw Raise(Types.TypeError, "bases must be types");
        }

        var cls = NewClass(cd.Name, baseType, cd.Base != null);
        // Names the body reads but never binds come from the function around the class (Resolver,
        // LOAD_CLASSDEREF).
        var frame = new Frame(cd.Name, null, EnclosingFunctionFrame(f), cls);
        PushFrame(frame);
        try
        {
            ExecBlock(cd.Body, frame);
        }
        catch (PyException e)
        {
            AddTraceback(e, frame);

            // type_new never ran: there is no class for the collector to find later, so the one the
            // model made for the body to fill lets go of itself now and is freed.
            DropOwnStructures(cls, Why.HeldByOwnClass);
            Decref(cls, Why.Temporary);
            throw;
        }
        finally
        {
            PopFrame(frame);
        }

        BuildClass(cls);
        StoreName(cd.Target, cls, f);
    }

    public PyFunction MakeFunction(string name, Scope scope, Parameters p, Stmt[]? body, Expr? lambdaBody, Frame f)
    {
        var defaults = new PyObject?[p.Defaults.Length];
        for (var i = 0; i < defaults.Length; i++)
        {
            if (p.Defaults[i] is { } d)
            {
                defaults[i] = Eval(d, f);
            }
        }

        // A function closes over the function frame it is made in; one made in a class body over the
        // function frame around the class (a class body is no enclosing scope to its methods).
        var enclosing = EnclosingFunctionFrame(f);
        var fn = NewFunction(name, scope, p, body, lambdaBody, closure: enclosing != null);
        fn.Defaults = defaults;
        fn.Closure = enclosing;
        if (enclosing != null)
        {
            enclosing.Captured = true;
        }

        if (f.ClassBody != null)
        {
            fn.QualName = f.ClassBody.Name + "." + name;
        }

        return fn;
    }

    /// <summary>
    /// The function frame whose cells code run in <paramref name="f"/> closes over: <paramref name="f"/>
    /// itself when it is a function's (or a comprehension's), the one around the class when it is a class
    /// body's (a class body is no enclosing scope, so a class inside a class reaches past it), none at
    /// module level. The Resolver counts a free name's depth in these frames.
    /// </summary>
    private static Frame? EnclosingFunctionFrame(Frame f) => f.Scope != null ? f : f.ClassBody != null ? f.Closure : null;

    // The module's frame counts towards the limit too (Py_EnterRecursiveCall in 3.11 counts every Python
    // frame), so 999 nested calls of a function fit under sys.getrecursionlimit() == 1000.
    private void EnterCall()
    {
        if (++_callDepth >= RecursionLimit)
        {
            _callDepth--;
            throw Raise(Types.RecursionError, "maximum recursion depth exceeded");
        }
    }

    /// <summary>_PyFrame_Clear: the frame's locals are released in slot order.</summary>
    private void LeaveFrame(Frame frame)
    {
        _callDepth--;
        PopFrame(frame);
        for (var i = 0; i < frame.Locals.Length; i++)
        {
            var v = frame.Locals[i];
            if (v != null && !(frame.Captured && frame.Scope!.CellSlots.Contains(i)))
            {
                frame.Locals[i] = null;
                Decref(v, Why.FrameReturned, frame.Name);
            }
        }
    }

    /// <summary>Calls a Python function; consumes <paramref name="args"/> and the keyword values.</summary>
    public PyObject CallFunction(PyFunction fn, PyObject[] args, (string Name, PyObject Value)[]? kwargs)
    {
        var p = fn.Parameters;
        var frame = new Frame(fn.Name, fn.Scope, fn.Closure, null);
        var locals = frame.Locals;
        try
        {
            if (args.Length > p.Names.Length)
            {
                var required = p.Defaults.Count(d => d == null);
                var takes = required == p.Names.Length ? $"{p.Names.Length}" : $"from {required} to {p.Names.Length}";
                throw Raise(Types.TypeError, $"{fn.QualName}() takes {takes} positional argument{(p.Names.Length == 1 && required == 1 ? "" : "s")} but {args.Length} {(args.Length == 1 ? "was" : "were")} given");
            }

            for (var i = 0; i < args.Length; i++)
            {
                locals[i] = args[i];
                args[i] = null!;
            }

            if (kwargs != null)
            {
                for (var k = 0; k < kwargs.Length; k++)
                {
                    var (name, value) = kwargs[k];
                    var slot = Array.IndexOf(p.Names, name);
                    if (slot < 0)
                    {
                        throw Raise(Types.TypeError, $"{fn.QualName}() got an unexpected keyword argument '{name}'");
                    }

                    if (locals[slot] != null)
                    {
                        throw Raise(Types.TypeError, $"{fn.QualName}() got multiple values for argument '{name}'");
                    }

                    locals[slot] = value;
                    kwargs[k] = (name, null!);
                }
            }

            List<string>? missing = null;
            for (var i = 0; i < p.Names.Length; i++)
            {
                if (locals[i] == null)
                {
                    if (p.Defaults[i] == null)
                    {
                        (missing ??= []).Add(p.Names[i]);
                        continue;
                    }

                    var d = fn.Defaults[i]!;
                    Incref(d, Why.Argument, fn.Name);
                    locals[i] = d;
                }
            }

            if (missing != null)
            {
                var names = missing.Count == 1 ? $"'{missing[0]}'" : string.Join(", ", missing.SkipLast(1).Select(m => $"'{m}'")) + $" and '{missing[^1]}'";
                throw Raise(Types.TypeError, $"{fn.QualName}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {names}");
            }
        }
        catch
        {
            foreach (var a in args)
            {
                XDecref(a, Why.Temporary);
            }

            if (kwargs != null)
            {
                foreach (var (_, v) in kwargs)
                {
                    XDecref(v, Why.Temporary);
                }
            }

            for (var i = 0; i < locals.Length; i++)
            {
                XDecref(locals[i], Why.Temporary);
                locals[i] = null;
            }

            throw;
        }

        EnterCall();
        PushFrame(frame);
        try
        {
            if (fn.LambdaBody != null)
            {
                frame.Line = fn.LambdaBody.Line;
                return Eval(fn.LambdaBody, frame);
            }

            var flow = ExecBlock(fn.Body!, frame);
            return flow == Flow.Return ? frame.ReturnValue! : NewNone();
        }
        catch (PyException e)
        {
            AddTraceback(e, frame);
            throw;
        }
        finally
        {
            LeaveFrame(frame);
        }
    }

    /// <summary>Calls any callable; consumes the arguments.</summary>
    public PyObject Call(PyObject callable, PyObject[] args, (string Name, PyObject Value)[]? kwargs)
    {
        switch (callable)
        {
            case PyFunction fn:
                return CallFunction(fn, args, kwargs);
            case PyMethod m:
            {
                var all = new PyObject[args.Length + 1];
                Incref(m.Self, Why.Argument, m.Function.Name);
                all[0] = m.Self;
                Array.Copy(args, 0, all, 1, args.Length);
                return CallFunction(m.Function, all, kwargs);
            }

            case PyBuiltin b:
                try
                {
                    return b.Body(this, b.Self, args, kwargs);
                }
                finally
                {
                    ReleaseArgs(args, kwargs);
                }

            case PyType t:
                return CallType(t, args, kwargs);
            case PyWeakRef w:
                ReleaseArgs(args, kwargs);
                return CallWeakRef(w);
        }

        ReleaseArgs(args, kwargs);
        throw Raise(Types.TypeError, $"'{callable.Type.Name}' object is not callable");
    }

    private PyObject CallType(PyType t, PyObject[] args, (string Name, PyObject Value)[]? kwargs)
    {
        if (!t.IsHeapType && !t.IsSubtypeOf(Types.BaseException))
        {
            try
            {
                return _constructors.TryGetValue(t, out var ctor)
                    ? ctor(this, null, args, kwargs)
                    : throw Raise(Types.TypeError, $"cannot create '{t.Name}' instances");
            }
            finally
            {
                ReleaseArgs(args, kwargs);
            }
        }

        // type_call: tp_new then tp_init. Calling a class packs the arguments in a tuple (tp_call), which
        // holds them while __init__ runs.
        // _PyObject_MakeTpCall copies the stack arguments into a new tuple (its own references); the stack's
        // references are released after the call.
        PyTuple? argsTuple = null;
        if (args.Length > 0)
        {
            foreach (var a in args)
            {
                Incref(a, Why.StoredInContainer, "the call's argument tuple");
            }

            argsTuple = NewTuple(args.ToArray());
        }

        var inst = NewInstance(t);
        if (t.IsSubtypeOf(Types.BaseException))
        {
            inst.Args = args.ToArray();
            foreach (var a in inst.Args)
            {
                Incref(a, Why.StoredInContainer, "the exception's args");
            }
        }

        try
        {
            if (t.Lookup("__init__") is PyFunction init)
            {
                var all = new PyObject[args.Length + 1];
                Incref(inst, Why.Argument, "__init__");
                all[0] = inst;
                for (var i = 0; i < args.Length; i++)
                {
                    Incref(args[i], Why.Argument, "__init__");
                    all[i + 1] = args[i];
                }

                var r = CallFunction(init, all, kwargs);
                kwargs = null;
                if (r != None)
                {
                    Decref(r, Why.Temporary);
                    throw Raise(Types.TypeError, $"__init__() should return None, not '{r.Type.Name}'");
                }

                Decref(r, Why.Temporary);
            }
            else if ((args.Length > 0 || kwargs is { Length: > 0 }) && !t.IsSubtypeOf(Types.BaseException))
            {
                throw Raise(Types.TypeError, $"{t.Name}() takes no arguments");
            }
        }
        catch
        {
            Decref(inst, Why.Temporary);
            throw;
        }
        finally
        {
            if (argsTuple != null)
            {
                Decref(argsTuple, Why.Temporary);
            }

            for (var i = args.Length - 1; i >= 0; i--)
            {
                Decref(args[i], Why.Temporary);
            }

            if (kwargs != null)
            {
                foreach (var (_, v) in kwargs)
                {
                    XDecref(v, Why.Temporary);
                }
            }
        }

        return inst;
    }

    public void CallDel(PyInstance inst) => CallFinalizer(inst);
}

internal sealed partial class Interpreter
{
    /// <summary>
    /// Interpreter shutdown as far as a script can see it: __main__'s globals are released in order, then
    /// a collection finds what cycles remain (finalize_modules in Python/pylifecycle.c).
    /// </summary>
    public void Finalize_()
    {
        foreach (var name in Globals.Keys.ToList())
        {
            if (Globals.Remove(name, out var v))
            {
                try
                {
                    Decref(v, Why.InterpreterExit, name);
                }
                catch (PyException e)
                {
                    WriteUnraisable(e, name);
                }
            }
        }
    }
}
