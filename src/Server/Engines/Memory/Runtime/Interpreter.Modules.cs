namespace Playground.Engines.Memory.Runtime;

// The gc, sys and weakref modules of the subset (Modules/gcmodule.c, Python/sysmodule.c, Modules/_weakref.c).
internal sealed partial class Interpreter
{
    private PyModule NewModule(string name)
    {
        var m = new PyModule(Types.Module, name) { Shared = true, RefCount = StaticRefCount, Id = _nextId++ };
        _modules[name] = m;
        return m;
    }

    private void ModuleFunction(PyModule m, string name, BuiltinBody body) => m.Attributes[name] = Builtin(name, body);

    private void InitModules()
    {
        var gc = NewModule("gc");
        ModuleFunction(gc, "collect", (it, _, a, kw) =>
        {
            Arity(it, "collect", a, 0, 1);
            var arg = a.Length > 0 ? a[0] : kw?.FirstOrDefault(k => k.Name == "generation").Value;
            var g = arg == null ? 2 : it.CIntArgument(arg);
            if (g < 0 || g > 2)
            {
                throw it.Raise(it.Types.ValueError, "invalid generation");
            }

            return it.NewInt(it.Gc.CollectWithCallback(g, automatic: false));
        });
        ModuleFunction(gc, "enable", (it, _, _, _) =>
        {
            it.Gc.Enabled = true;
            return it.NewNone();
        });
        ModuleFunction(gc, "disable", (it, _, _, _) =>
        {
            it.Gc.Enabled = false;
            return it.NewNone();
        });
        ModuleFunction(gc, "isenabled", (it, _, _, _) => it.Bool(it.Gc.Enabled));
        ModuleFunction(gc, "get_count", (it, _, _, _) => it.NewTuple([.. it.Gc.Counts.Select(c => (PyObject)it.NewInt(c))]));
        ModuleFunction(gc, "get_threshold", (it, _, _, _) => it.NewTuple([.. it.Gc.Thresholds.Select(c => (PyObject)it.NewInt(c))]));
        ModuleFunction(gc, "set_threshold", (it, _, a, _) =>
        {
            Arity(it, "set_threshold", a, 1, 3);
            // PyArg_ParseTuple(args, "i|ii:set_threshold", ...) converts all three before storing any.
            var values = a.Select(it.ParseTupleIntArgument).ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                it.Gc.Thresholds[i] = values[i];
            }

            return it.NewNone();
        });
        ModuleFunction(gc, "is_tracked", (it, _, a, _) =>
        {
            Arity(it, "is_tracked", a, 1, 1);
            return it.Bool(a[0].Generation >= 0);
        });
        ModuleFunction(gc, "get_referents", (it, _, a, _) =>
        {
            var l = it.NewList();
            foreach (var o in a)
            {
                var refs = new List<PyObject>();
                if (o.IsGcType)
                {
                    o.Traverse(refs);
                }

                foreach (var r in refs)
                {
                    it.ListAppend(l, it.Own(r));
                }
            }

            return l;
        });
        ModuleFunction(gc, "get_referrers", (it, _, a, _) =>
        {
            var l = it.NewList();
            foreach (var o in it.Gc.AllTracked().ToList())
            {
                if (ReferenceEquals(o, l))
                {
                    continue;
                }

                var refs = new List<PyObject>();
                o.Traverse(refs);
                if (refs.Any(r => a.Any(x => ReferenceEquals(x, r))))
                {
                    it.ListAppend(l, it.Own(o));
                }
            }

            return l;
        });
        ModuleFunction(gc, "freeze", (it, _, _, _) =>
        {
            it.Gc.Freeze();
            return it.NewNone();
        });
        ModuleFunction(gc, "unfreeze", (it, _, _, _) =>
        {
            it.Gc.Unfreeze();
            return it.NewNone();
        });
        ModuleFunction(gc, "get_freeze_count", (it, _, _, _) => it.NewInt(it.Gc.FreezeCount));
        var garbage = NewList();
        garbage.Shared = true;
        gc.Attributes["garbage"] = garbage;
        Gc.Garbage = garbage;
        var callbacks = NewList();
        callbacks.Shared = true;
        gc.Attributes["callbacks"] = callbacks;
        Gc.CallbacksList = callbacks;

        var sys = NewModule("sys");
        ModuleFunction(sys, "getrefcount", (it, _, a, _) =>
        {
            Arity(it, "getrefcount", a, 1, 1);
            return it.NewInt(a[0].RefCount);
        });
        ModuleFunction(sys, "getsizeof", (it, _, a, _) =>
        {
            Arity(it, "getsizeof", a, 1, 2);
            return it.NewInt(it.SizeOf(a[0]));
        });
        ModuleFunction(sys, "intern", (it, _, a, _) =>
        {
            Arity(it, "intern", a, 1, 1);
            return a[0] is PyStr s ? it.InternObject(s) : throw it.Raise(it.Types.TypeError, $"intern() argument must be str, not {a[0].Type.Name}");
        });

        var weakref = NewModule("weakref");
        weakref.Attributes["ref"] = Builtin("ref", (it, _, a, _) =>
        {
            Arity(it, "ref", a, 1, 2);
            var target = a[0];
            if (target is not PyInstance and not PyFunction and not PySet and not PyType || target is PyInstance { Args: not null } && false)
            {
                throw it.Raise(it.Types.TypeError, $"cannot create weak reference to '{target.Type.Name}' object");
            }

            var callback = a.Length > 1 && a[1] is not PyNone ? a[1] : null;
            if (callback == null && target.Weakrefs is { Count: > 0 } existing && existing[0].Callback == null)
            {
                return it.Own(existing[0]);
            }

            return it.NewWeakRef(target, callback);
        });
        ModuleFunction(weakref, "getweakrefcount", (it, _, a, _) =>
        {
            Arity(it, "getweakrefcount", a, 1, 1);
            return it.NewInt(a[0].Weakrefs?.Count ?? 0);
        });
    }

    /// <summary>Calling a weakref returns its referent, or None once the referent is gone.</summary>
    public PyObject CallWeakRef(PyWeakRef w) => w.Referent is { } r ? Own(r) : NewNone();
}
