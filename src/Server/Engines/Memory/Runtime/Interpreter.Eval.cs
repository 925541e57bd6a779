using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

// Expression evaluation. Every Eval returns a new (owned) reference, as a value pushed on CPython's
// evaluation stack is; consumers steal it (a store) or release it (a temporary), so counts move exactly
// when ceval.c's LOAD_*/STORE_*/POP_TOP move them.
internal sealed partial class Interpreter
{
    public PyObject Eval(Expr e, Frame f)
    {
        switch (e)
        {
            case NameExpr n:
                f.At = n;
                return LoadName(n, f);
            case ConstExpr c:
                c.Value.RefCount++;
                if (Recorder != null && !c.Value.Shared)
                {
                    Recorder.RefChange(c.Value, 1, Why.Temporary, null, CurrentLine);
                }

                return c.Value;
            case BinOpExpr b:
            {
                var l = Eval(b.Left, f);
                PyObject r;
                try
                {
                    r = Eval(b.Right, f);
                }
                catch
                {
                    Decref(l, Why.Temporary);
                    throw;
                }

                try
                {
                    f.At = b;
                    return BinaryOp(b.Op, l, r);
                }
                finally
                {
                    Decref(l, Why.Temporary);
                    Decref(r, Why.Temporary);
                }
            }

            case CallExpr c:
                return EvalCall(c, f);
            case AttributeExpr a:
            {
                var obj = Eval(a.Value, f);
                try
                {
                    f.At = a;
                    return GetAttr(obj, a.Attr);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                }
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
                    f.At = s;
                    return GetItem(obj, idx);
                }
                finally
                {
                    Decref(obj, Why.Temporary);
                    Decref(idx, Why.Temporary);
                }
            }

            case CompareExpr c:
                return EvalCompare(c, f);
            case BoolOpExpr b:
            {
                PyObject v = null!;
                for (var i = 0; i < b.Values.Length; i++)
                {
                    v = Eval(b.Values[i], f);
                    if (i == b.Values.Length - 1)
                    {
                        break;
                    }

                    var t = Truthy(v);
                    if (t != b.IsAnd)
                    {
                        break;
                    }

                    Decref(v, Why.Temporary);
                }

                return v;
            }

            case UnaryExpr u:
            {
                var v = Eval(u.Operand, f);
                try
                {
                    f.At = u;
                    return u.Op switch
                    {
                        "not" => Bool(!Truthy(v)),
                        "-" => Negate(v),
                        _ => Positive(v),
                    };
                }
                finally
                {
                    Decref(v, Why.Temporary);
                }
            }

            case IfExpr i:
            {
                var t = Eval(i.Test, f);
                var b = Truthy(t);
                Decref(t, Why.Temporary);
                return Eval(b ? i.Body : i.OrElse, f);
            }

            case DisplayExpr d:
                return EvalDisplay(d, f);
            case DictExpr d:
            {
                var dict = NewDict();
                PresizeDict(dict, d.Keys.Length);
                try
                {
                    for (var i = 0; i < d.Keys.Length; i++)
                    {
                        var k = Eval(d.Keys[i], f);
                        var v = Eval(d.Values[i], f);
                        DictSet(dict, k, v, "a dict");
                    }
                }
                catch
                {
                    Decref(dict, Why.Temporary);
                    throw;
                }

                return dict;
            }

            case ListCompExpr lc:
                return EvalListComp(lc, f);
            case LambdaExpr l:
                return MakeFunction("<lambda>", l.Scope, l.Parameters, null, l.Body, f);
            case FStringExpr fs:
            {
                var sb = new System.Text.StringBuilder();
                foreach (var part in fs.Parts)
                {
                    var v = Eval(part, f);
                    sb.Append(((PyStr)v).Value);
                    Decref(v, Why.Temporary);
                }

                return NewStr(sb.ToString());
            }

            case FormattedValueExpr fv:
            {
                var v = Eval(fv.Value, f);
                try
                {
                    string? spec = null;
                    if (fv.Spec != null)
                    {
                        var sv = Eval(fv.Spec, f);
                        spec = ((PyStr)sv).Value;
                        Decref(sv, Why.Temporary);
                    }

                    var text = fv.Conversion switch
                    {
                        'r' => Repr(v),
                        's' => Str(v),
                        _ => spec is null or "" ? Str(v) : Format(v, spec),
                    };
                    if (fv.Conversion != '\0' && !string.IsNullOrEmpty(spec))
                    {
                        text = FormatString(text, spec);
                    }

                    return NewStr(text);
                }
                finally
                {
                    Decref(v, Why.Temporary);
                }
            }

            case SliceExpr s:
                return EvalSlice(s, f);
        }

        throw new InvalidOperationException($"unknown expression {e.GetType().Name}");
    }

    private PyObject LoadName(NameExpr n, Frame f)
    {
        PyObject? v;
        switch (n.Scope)
        {
            case NameScope.Local:
                v = f.Locals[n.Slot];
                if (v == null)
                {
                    throw Raise(Types.UnboundLocalError, $"cannot access local variable '{n.Id}' where it is not associated with a value");
                }

                break;
            case NameScope.Enclosing:
            {
                var frame = f;
                for (var i = 0; i < n.Depth; i++)
                {
                    frame = frame.Closure!;
                }

                v = frame.Locals[n.Slot];
                if (v == null)
                {
                    throw Raise(Types.NameError, $"cannot access free variable '{n.Id}' where it is not associated with a value in enclosing scope");
                }

                break;
            }

            default:
                if (n.Scope == NameScope.ClassBody && f.ClassBody!.Dict.TryGetValue(n.Id, out v))
                {
                    break;
                }

                if (n.Scope == NameScope.ClassBody && n.Depth > 0)
                {
                    // LOAD_CLASSDEREF: not in the class's namespace, so the enclosing function's cell.
                    var frame = f;
                    for (var i = 0; i < n.Depth; i++)
                    {
                        frame = frame.Closure!;
                    }

                    v = frame.Locals[n.Slot] ?? throw Raise(Types.NameError, $"cannot access free variable '{n.Id}' where it is not associated with a value in enclosing scope");
                    break;
                }

                if (!Globals.TryGetValue(n.Id, out v) && !_builtins.TryGetValue(n.Id, out v))
                {
                    throw Raise(Types.NameError, $"name '{n.Id}' is not defined");
                }

                break;
        }

        v.RefCount++;
        if (Recorder != null && !v.Shared)
        {
            Recorder.RefChange(v, 1, Why.Temporary, null, CurrentLine);
        }

        return v;
    }

    /// <summary>STORE_NAME/STORE_FAST/STORE_GLOBAL: the binding steals the reference; the old value is released.</summary>
    public void StoreName(NameExpr n, PyObject value, Frame f)
    {
        PyObject? old;
        switch (n.Scope)
        {
            case NameScope.Local:
                old = f.Locals[n.Slot];
                f.Locals[n.Slot] = value;
                break;
            case NameScope.Enclosing:
            {
                var frame = f;
                for (var i = 0; i < n.Depth; i++)
                {
                    frame = frame.Closure!;
                }

                old = frame.Locals[n.Slot];
                frame.Locals[n.Slot] = value;
                break;
            }

            case NameScope.ClassBody:
                f.ClassBody!.Dict.TryGetValue(n.Id, out old);
                f.ClassBody.Dict[n.Id] = value;
                Recorder?.Touched(f.ClassBody);
                break;
            default:
                Globals.TryGetValue(n.Id, out old);
                Globals[n.Id] = value;
                break;
        }

        Recorder?.Rename(value, Why.BoundToName, n.Id, CurrentLine);
        if (old != null)
        {
            Decref(old, Why.NameRebound, n.Id);
        }
    }

    private void DeleteName(NameExpr n, Frame f)
    {
        PyObject? old;
        switch (n.Scope)
        {
            case NameScope.Local:
                old = f.Locals[n.Slot];
                f.Locals[n.Slot] = null;
                if (old == null)
                {
                    throw Raise(Types.UnboundLocalError, $"cannot access local variable '{n.Id}' where it is not associated with a value");
                }

                break;
            case NameScope.ClassBody:
                f.ClassBody!.Dict.Remove(n.Id, out old);
                break;
            default:
                Globals.Remove(n.Id, out old);
                break;
        }

        if (old == null)
        {
            throw Raise(Types.NameError, $"name '{n.Id}' is not defined");
        }

        Decref(old, Why.NameDeleted, n.Id);
    }

    private PyObject EvalDisplay(DisplayExpr d, Frame f)
    {
        var items = new PyObject[d.Items.Length];
        var n = 0;
        try
        {
            for (; n < items.Length; n++)
            {
                items[n] = Eval(d.Items[n], f);
            }
        }
        catch
        {
            for (var i = 0; i < n; i++)
            {
                Decref(items[i], Why.Temporary);
            }

            throw;
        }

        switch (d.Kind)
        {
            case DisplayKind.List:
            {
                // BUILD_LIST allocates exactly n slots (PyList_New(n)).
                var l = NewList(items.Length);
                l.Items.AddRange(items);
                Recorder?.Stored(items, "a list", CurrentLine);
                return l;
            }

            case DisplayKind.Tuple:
            {
                var t = NewTuple(items);
                Recorder?.Stored(items, "a tuple", CurrentLine);
                return t;
            }

            default:
            {
                var s = NewSet();
                if (d.Items.All(i => i is ConstExpr))
                {
                    items = SetIterationOrder.ConstantDisplayOrder(items);
                }

                foreach (var item in items)
                {
                    SetAdd(s, item, steal: true);
                }

                return s;
            }
        }
    }

    private PyObject EvalSlice(SliceExpr s, Frame f)
    {
        var lo = s.Lower == null ? NewNone() : Eval(s.Lower, f);
        var hi = s.Upper == null ? NewNone() : Eval(s.Upper, f);
        var st = s.Step == null ? NewNone() : Eval(s.Step, f);
        return new PySlice(lo, hi, st);
    }

    private PyObject EvalCompare(CompareExpr c, Frame f)
    {
        var left = Eval(c.Left, f);
        for (var i = 0; i < c.Ops.Length; i++)
        {
            PyObject right;
            try
            {
                right = Eval(c.Comparators[i], f);
            }
            catch
            {
                Decref(left, Why.Temporary);
                throw;
            }

            PyObject result;
            try
            {
                f.At = c;
                result = CompareOp(c.Ops[i], left, right);
            }
            catch
            {
                Decref(left, Why.Temporary);
                Decref(right, Why.Temporary);
                throw;
            }

            Decref(left, Why.Temporary);
            if (i == c.Ops.Length - 1)
            {
                Decref(right, Why.Temporary);
                return result;
            }

            if (!Truthy(result))
            {
                Decref(right, Why.Temporary);
                return result;
            }

            Decref(result, Why.Temporary);
            left = right;
        }

        return left;
    }

    private PyObject EvalListComp(ListCompExpr lc, Frame f)
    {
        // 3.11 compiles a comprehension to a function called with iter(first iterable) as ".0".
        var iterable = Eval(lc.Generators[0].Iter, f);
        PyObject it;
        try
        {
            it = GetIter(iterable);
        }
        finally
        {
            Decref(iterable, Why.Temporary);
        }

        var frame = new Frame("<listcomp>", lc.Scope, EnclosingFunctionFrame(f), null);
        frame.Locals[0] = it;
        EnterCall();
        PushFrame(frame);
        var result = NewList();
        try
        {
            Comprehend(lc, 0, frame, result);
        }
        catch
        {
            Decref(result, Why.Temporary);
            throw;
        }
        finally
        {
            LeaveFrame(frame);
        }

        return result;
    }

    private void Comprehend(ListCompExpr lc, int level, Frame frame, PyList result)
    {
        var gen = lc.Generators[level];
        PyObject it;
        if (level == 0)
        {
            it = frame.Locals[0]!;
            it.RefCount++;
        }
        else
        {
            var iterable = Eval(gen.Iter, frame);
            try
            {
                it = GetIter(iterable);
            }
            finally
            {
                Decref(iterable, Why.Temporary);
            }
        }

        try
        {
            while (Next(it) is { } item)
            {
                AssignTarget(gen.Target, item, frame);

                // Each iteration is bytecode inside one line: it counts as work against the limits.
                Work();
                var keep = true;
                foreach (var cond in gen.Ifs)
                {
                    var c = Eval(cond, frame);
                    keep = Truthy(c);
                    Decref(c, Why.Temporary);
                    if (!keep)
                    {
                        break;
                    }
                }

                if (!keep)
                {
                    continue;
                }

                if (level + 1 < lc.Generators.Length)
                {
                    Comprehend(lc, level + 1, frame, result);
                }
                else
                {
                    var v = Eval(lc.Element, frame);
                    ListAppend(result, v);
                }
            }
        }
        finally
        {
            Decref(it, Why.Temporary);
        }
    }

    private PyObject EvalCall(CallExpr c, Frame f)
    {
        // LOAD_METHOD: obj.method(...) calls the function with obj as first argument, no bound method object.
        if (c.Func is AttributeExpr a)
        {
            var obj = Eval(a.Value, f);
            PyObject? unbound = null;
            if (obj is not PyType && obj is not PyModule && !(obj is PyInstance pi && pi.Attributes.ContainsKey(a.Attr)))
            {
                unbound = obj.Type.Lookup(a.Attr);
            }

            if (unbound is PyFunction pf)
            {
                PyObject[] args;
                (string, PyObject)[]? kw;
                try
                {
                    args = EvalArgs(c, f, 1, out kw, pf.Name, pf.Parameters);
                }
                catch
                {
                    Decref(obj, Why.Temporary);
                    throw;
                }

                args[0] = obj;
                return CallFunction(pf, args, kw);
            }

            if (unbound is PyBuiltin pb && pb.Self == null)
            {
                PyObject[] args;
                (string, PyObject)[]? kw;
                try
                {
                    args = EvalArgs(c, f, 0, out kw, pb.Name, null);
                }
                catch
                {
                    Decref(obj, Why.Temporary);
                    throw;
                }

                try
                {
                    return pb.Body(this, obj, args, kw);
                }
                finally
                {
                    ReleaseArgs(args, kw);
                    Decref(obj, Why.Temporary);
                }
            }

            PyObject callable;
            try
            {
                callable = GetAttr(obj, a.Attr);
            }
            finally
            {
                Decref(obj, Why.Temporary);
            }

            return CallOwned(callable, c, f);
        }

        var func = Eval(c.Func, f);
        return CallOwned(func, c, f);
    }

    private PyObject CallOwned(PyObject callable, CallExpr c, Frame f)
    {
        try
        {
            var name = callable switch
            {
                PyFunction fn => fn.Name,
                PyBuiltin b => b.Name,
                PyType t => t.Name,
                _ => null,
            };
            var args = EvalArgs(c, f, 0, out var kw, name, callable is PyFunction called ? called.Parameters : null);
            return Call(callable, args, kw);
        }
        finally
        {
            Decref(callable, Why.Temporary);
        }
    }

    /// <param name="parameters">The callee's parameters when it is a function of the program, so each
    /// positional argument's reason names the parameter it binds (a bound method's self is parameter 0).</param>
    private PyObject[] EvalArgs(CallExpr c, Frame f, int skip, out (string, PyObject)[]? kw, string? callee, Parameters? parameters)
    {
        var args = new PyObject[c.Args.Length + skip];
        var n = skip;
        try
        {
            for (var i = 0; i < c.Args.Length; i++, n++)
            {
                args[n] = Eval(c.Args[i], f);
                if (parameters is not null && n < parameters.Names.Length)
                {
                    Recorder?.Rename(args[n], Why.Parameter, parameters.Names[n], CurrentLine, callee);
                }
                else
                {
                    Recorder?.Rename(args[n], Why.Argument, callee ?? "a call", CurrentLine);
                }
            }

            if (c.Keywords.Length == 0)
            {
                kw = null;
                f.At = c;
                return args;
            }

            kw = new (string, PyObject)[c.Keywords.Length];
            for (var i = 0; i < c.Keywords.Length; i++)
            {
                try
                {
                    kw[i] = (c.Keywords[i].Name, Eval(c.Keywords[i].Value, f));
                }
                catch
                {
                    for (var j = 0; j < i; j++)
                    {
                        Decref(kw[j].Item2, Why.Temporary);
                    }

                    throw;
                }
            }

            // The call itself (CALL) is where an error inside the callee is shown in this frame.
            f.At = c;
            return args;
        }
        catch
        {
            for (var i = skip; i < n; i++)
            {
                Decref(args[i], Why.Temporary);
            }

            throw;
        }
    }

    private void ReleaseArgs(PyObject[] args, (string, PyObject)[]? kw)
    {
        for (var i = args.Length - 1; i >= 0; i--)
        {
            Decref(args[i], Why.Temporary);
        }

        if (kw != null)
        {
            foreach (var (_, v) in kw)
            {
                Decref(v, Why.Temporary);
            }
        }
    }
}

/// <summary>A slice object built by BUILD_SLICE; lives only on the evaluation stack here.</summary>
internal sealed class PySlice(PyObject lower, PyObject upper, PyObject step) : PyObject(null!)
{
    public readonly PyObject Lower = lower;
    public readonly PyObject Upper = upper;
    public readonly PyObject Step = step;
}
