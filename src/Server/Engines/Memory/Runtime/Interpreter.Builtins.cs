using System.Numerics;
using System.Globalization;

namespace Playground.Engines.Memory.Runtime;

// The builtins, the methods of the built-in types and the gc, sys and weakref modules of the subset.
// Arguments are borrowed; each returns a new reference.
internal sealed partial class Interpreter
{
    private readonly Dictionary<string, PyObject> _builtins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PyModule> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<PyType, BuiltinBody> _constructors = [];

    private PyBuiltin Builtin(string name, BuiltinBody body) =>
        new(Types.BuiltinFunction, name, body, null) { Shared = true, RefCount = StaticRefCount, Id = _nextId++ };

    private void Def(string name, BuiltinBody body) => _builtins[name] = Builtin(name, body);

    /// <summary>
    /// A method of a built-in type. Called through the type (<c>str.upper('a')</c>, a method descriptor,
    /// Objects/descrobject.c method_vectorcall_*), the first argument is self and must be an instance of
    /// the type: CPython checks that before the C function runs, so the body may rely on it.
    /// </summary>
    private void Method(PyType type, string name, BuiltinBody body) => type.Dict[name] = Builtin(name, (it, self, a, kw) =>
    {
        if (self == null)
        {
            if (a.Length == 0)
            {
                throw it.Raise(it.Types.TypeError, $"unbound method {type.Name}.{name}() needs an argument");
            }

            (self, a) = (a[0], a[1..]);
        }

        return self.Type.IsSubtypeOf(type)
            ? body(it, self, a, kw)
            : throw it.Raise(it.Types.TypeError, $"descriptor '{name}' for '{type.Name}' objects doesn't apply to a '{self.Type.Name}' object");
    });

    private static void Arity(Interpreter it, string name, PyObject[] a, int min, int max)
    {
        if (a.Length < min || a.Length > max)
        {
            var expected = min == max ? $"exactly {min} argument{(min == 1 ? "" : "s")}" : a.Length < min ? $"at least {min} argument{(min == 1 ? "" : "s")}" : $"at most {max} argument{(max == 1 ? "" : "s")}";
            if (min == max && min == 0)
            {
                throw it.Raise(it.Types.TypeError, $"{name}() takes no arguments ({a.Length} given)");
            }

            if (min == max && min == 1)
            {
                throw it.Raise(it.Types.TypeError, $"{name}() takes exactly one argument ({a.Length} given)");
            }

            throw it.Raise(it.Types.TypeError, $"{name} expected {expected}, got {a.Length}");
        }
    }

    private PyObject Own(PyObject o)
    {
        Incref(o, Why.Temporary);
        return o;
    }

    // print's sep and end (Python/bltinmodule.c builtin_print_impl): None means the default; anything else
    // must be a str.
    private static string? Kw((string Name, PyObject Value)[]? kw, string name, Interpreter it) =>
        kw?.FirstOrDefault(k => k.Name == name).Value is { } v
            ? it.OptionalStrArgument(v, o => $"{name} must be None or a string, not {o.Type.Name}")
            : null;

    private void InitBuiltins()
    {
        foreach (var t in new[] { Types.Int, Types.Float, Types.Str, Types.Bool, Types.List, Types.Tuple, Types.Dict, Types.Set, Types.Range, Types.Object, Types.Type })
        {
            _builtins[t.Name] = t;
        }

        foreach (var t in Types.Exceptions)
        {
            _builtins[t.Name] = t;
        }

        Def("print", (it, _, a, kw) =>
        {
            if (kw != null && kw.Any(k => k.Name is not "sep" and not "end" and not "flush"))
            {
                throw it.Raise(it.Types.TypeError, $"'{kw.First(k => k.Name is not "sep" and not "end" and not "flush").Name}' is an invalid keyword argument for print()");
            }

            var sep = Kw(kw, "sep", it) ?? " ";
            var end = Kw(kw, "end", it) ?? "\n";
            it.WriteStdout(string.Join(sep, a.Select(it.Str)) + end);
            return it.NewNone();
        });
        Def("len", (it, _, a, _) =>
        {
            Arity(it, "len", a, 1, 1);
            return it.NewInt(a[0] switch
            {
                PyStr s => s.Value.Length,
                PyList l => l.Items.Count,
                PyTuple t => t.Items.Length,
                PyDict d => d.Table.Count,
                PySet s => s.Table.Count,
                PyRange r => r.Length,
                PyInstance i when i.Type.Lookup("__len__") is PyFunction => it.LenFromDunder(i),
                _ => throw it.Raise(it.Types.TypeError, $"object of type '{a[0].Type.Name}' has no len()"),
            });
        });
        Def("id", (it, _, a, _) =>
        {
            Arity(it, "id", a, 1, 1);
            return it.NewInt(new BigInteger(it.Address(a[0])));
        });
        Def("repr", (it, _, a, _) =>
        {
            Arity(it, "repr", a, 1, 1);
            return it.NewStr(it.Repr(a[0]));
        });
        Def("isinstance", (it, _, a, _) =>
        {
            Arity(it, "isinstance", a, 2, 2);
            var types = a[1] is PyTuple t ? t.Items : [a[1]];
            return it.Bool(types.Any(x => x is PyType pt ? a[0].Type.IsSubtypeOf(pt) : throw it.Raise(it.Types.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")));
        });
        Def("abs", (it, _, a, _) =>
        {
            Arity(it, "abs", a, 1, 1);
            return a[0] switch
            {
                PyInt i => it.NewInt(BigInteger.Abs(i.Value)),
                PyFloat f => it.NewFloat(Math.Abs(f.Value)),
                _ => throw it.Raise(it.Types.TypeError, $"bad operand type for abs(): '{a[0].Type.Name}'"),
            };
        });
        Def("sum", (it, _, a, _) =>
        {
            Arity(it, "sum", a, 1, 2);
            var acc = a.Length > 1 ? it.Own(a[1]) : it.NewInt(0);
            foreach (var x in it.Iterate(a[0]))
            {
                var next = it.BinaryOp("+", acc, x);
                it.Decref(acc, Why.Temporary);
                it.Decref(x, Why.Temporary);
                acc = next;
            }

            return acc;
        });
        Def("min", (it, _, a, kw) => it.MinMax("min", a, kw, -1));
        Def("max", (it, _, a, kw) => it.MinMax("max", a, kw, 1));
        Def("sorted", (it, _, a, kw) =>
        {
            Arity(it, "sorted", a, 1, 1);
            var l = it.NewList();
            it.ListExtend(l, a[0]);
            it.Sort(l, kw);
            return l;
        });
        Def("enumerate", (it, _, a, kw) =>
        {
            Arity(it, "enumerate", a, 1, 2);
            // enumerate's start is any int (Objects/enumobject.c keeps a PyLong once it leaves ssize_t).
            var start = a.Length > 1 ? it.IndexArgument(a[1]).Value : BigInteger.Zero;
            var items = it.Iterate(a[0]);
            var l = it.NewList();
            for (var i = 0; i < items.Count; i++)
            {
                it.ListAppend(l, it.NewTuple([it.NewInt(start + i), items[i]]));
            }

            return l;
        });
        Def("zip", (it, _, a, _) =>
        {
            var lists = a.Select(it.Iterate).ToList();
            var n = lists.Count == 0 ? 0 : lists.Min(x => x.Count);
            var l = it.NewList();
            for (var i = 0; i < n; i++)
            {
                it.ListAppend(l, it.NewTuple([.. lists.Select(x => x[i])]));
            }

            foreach (var x in lists.SelectMany(x => x.Skip(n)))
            {
                it.Decref(x, Why.Temporary);
            }

            return l;
        });
        Def("hasattr", (it, _, a, _) =>
        {
            Arity(it, "hasattr", a, 2, 2);
            var name = it.AttributeNameArgument(a[1]);
            try
            {
                it.Decref(it.GetAttr(a[0], name), Why.Temporary);
                return it.Bool(true);
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(it.Types.AttributeError))
            {
                it.Decref(e.Value, Why.Temporary);
                return it.Bool(false);
            }
        });
        Def("getattr", (it, _, a, _) =>
        {
            Arity(it, "getattr", a, 2, 3);
            var name = it.AttributeNameArgument(a[1]);
            try
            {
                return it.GetAttr(a[0], name);
            }
            catch (PyException e) when (a.Length == 3 && e.Value.Type.IsSubtypeOf(it.Types.AttributeError))
            {
                it.Decref(e.Value, Why.Temporary);
                return it.Own(a[2]);
            }
        });
        Def("setattr", (it, _, a, _) =>
        {
            Arity(it, "setattr", a, 3, 3);
            it.SetAttr(a[0], it.AttributeNameArgument(a[1]), it.Own(a[2]));
            return it.NewNone();
        });

        _constructors[Types.Int] = (it, _, a, _) =>
        {
            Arity(it, "int", a, 0, 2);
            return a.Length == 0 ? it.NewInt(0) : a[0] switch
            {
                PyInt i => i.Type == it.Types.Bool ? it.NewInt(i.Small) : it.Own(i),
                PyFloat f => double.IsFinite(f.Value) ? it.NewInt(new BigInteger(Math.Truncate(f.Value))) : throw it.Raise(it.Types.ValueError, "cannot convert float NaN to integer"),
                PyStr s => BigInteger.TryParse(s.Value.Trim().Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                    ? it.NewInt(v) : throw it.Raise(it.Types.ValueError, $"invalid literal for int() with base 10: {StrRepr(s.Value)}"),
                _ => throw it.Raise(it.Types.TypeError, $"int() argument must be a string, a bytes-like object or a real number, not '{a[0].Type.Name}'"),
            };
        };
        _constructors[Types.Float] = (it, _, a, _) =>
        {
            Arity(it, "float", a, 0, 1);
            return a.Length == 0 ? it.NewFloat(0) : a[0] switch
            {
                PyFloat f => it.Own(f),
                PyInt i => it.NewFloat((double)i.Value),
                PyStr s => s.Value.Trim().ToLowerInvariant() switch
                {
                    "inf" or "+inf" or "infinity" => it.NewFloat(double.PositiveInfinity),
                    "-inf" or "-infinity" => it.NewFloat(double.NegativeInfinity),
                    "nan" => it.NewFloat(double.NaN),
                    var t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? it.NewFloat(d) : throw it.Raise(it.Types.ValueError, $"could not convert string to float: {StrRepr(s.Value)}"),
                },
                _ => throw it.Raise(it.Types.TypeError, $"float() argument must be a string or a real number, not '{a[0].Type.Name}'"),
            };
        };
        _constructors[Types.Str] = (it, _, a, _) =>
        {
            Arity(it, "str", a, 0, 1);
            return a.Length == 0 ? it.NewStr("") : a[0] is PyStr s ? it.Own(s) : it.NewStr(it.Str(a[0]));
        };
        _constructors[Types.Bool] = (it, _, a, _) =>
        {
            Arity(it, "bool", a, 0, 1);
            return it.Bool(a.Length > 0 && it.Truthy(a[0]));
        };
        _constructors[Types.List] = (it, _, a, _) =>
        {
            Arity(it, "list", a, 0, 1);
            var l = it.NewList();
            if (a.Length == 1)
            {
                it.ListExtend(l, a[0]);
            }

            return l;
        };
        _constructors[Types.Tuple] = (it, _, a, _) =>
        {
            Arity(it, "tuple", a, 0, 1);
            return a.Length == 0 ? it.NewTuple([]) : a[0] is PyTuple t ? it.Own(t) : it.NewTuple([.. it.Iterate(a[0])]);
        };
        _constructors[Types.Set] = (it, _, a, _) =>
        {
            Arity(it, "set", a, 0, 1);
            var s = it.NewSet();
            if (a.Length == 1)
            {
                foreach (var x in it.Iterate(a[0]))
                {
                    it.SetAdd(s, x, steal: true);
                }
            }

            return s;
        };
        _constructors[Types.Dict] = (it, _, a, kw) =>
        {
            Arity(it, "dict", a, 0, 1);
            var d = it.NewDict();
            if (a.Length == 1)
            {
                it.DictUpdate(d, a[0]);
            }

            if (kw != null)
            {
                PresizeDict(d, kw.Length);
                foreach (var (k, v) in kw)
                {
                    it.Incref(v, Why.StoredInContainer, "a dict");
                    it.DictSet(d, it.Intern(k, true), v, "a dict");
                }
            }

            return d;
        };
        _constructors[Types.Range] = (it, _, a, _) =>
        {
            Arity(it, "range", a, 1, 3);
            long Arg(int i) => a[i] is PyInt n && !n.IsBig ? n.Small : throw it.Raise(it.Types.TypeError, $"'{a[i].Type.Name}' object cannot be interpreted as an integer");
            var (start, stop, step) = a.Length == 1 ? (0, Arg(0), 1) : (Arg(0), Arg(1), a.Length == 3 ? Arg(2) : 1);
            return step == 0 ? throw it.Raise(it.Types.ValueError, "range() arg 3 must not be zero") : it.NewRange(start, stop, step);
        };
        _constructors[Types.Object] = (it, _, a, _) =>
        {
            Arity(it, "object", a, 0, 0);
            return it.Register(new PyInstance(it.Types.Object));
        };
        _constructors[Types.Type] = (it, _, a, _) =>
        {
            Arity(it, "type", a, 1, 1);
            return it.Own(a[0].Type);
        };

        InitMethods();
        InitModules();
    }

    /// <summary>
    /// len() of an instance (Objects/typeobject.c slot_sq_length): __len__ must return an int
    /// (PyNumber_AsSsize_t) and not a negative one.
    /// </summary>
    private long LenFromDunder(PyInstance i)
    {
        var r = CallDunder(i, "__len__", []);
        var n = SsizeArgument(r);
        return n < 0 ? throw Raise(Types.ValueError, "__len__() should return >= 0") : n;
    }

    private PyObject MinMax(string name, PyObject[] a, (string Name, PyObject Value)[]? kw, int sign)
    {
        var items = a.Length == 1 ? Iterate(a[0]) : a.Select(Own).ToList();
        if (items.Count == 0)
        {
            if (kw?.FirstOrDefault(k => k.Name == "default").Value is { } dflt)
            {
                return Own(dflt);
            }

            throw Raise(Types.ValueError, $"{name}() arg is an empty sequence");
        }

        var best = items[0];
        foreach (var x in items.Skip(1))
        {
            if (Order(x, best, sign > 0 ? ">" : "<") * sign > 0)
            {
                best = x;
            }
        }

        foreach (var x in items)
        {
            if (!ReferenceEquals(x, best))
            {
                Decref(x, Why.Temporary);
            }
        }

        for (var i = items.IndexOf(best) + 1; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], best))
            {
                Decref(best, Why.Temporary);
            }
        }

        return best;
    }

    public void Sort(PyList l, (string Name, PyObject Value)[]? kw)
    {
        var key = kw?.FirstOrDefault(k => k.Name == "key").Value;
        var reverse = kw?.FirstOrDefault(k => k.Name == "reverse").Value is { } r && Truthy(r);
        List<(PyObject Key, PyObject Item)> pairs;
        if (key != null && key is not PyNone)
        {
            pairs = [];
            foreach (var item in l.Items)
            {
                Incref(item, Why.Argument, "key");
                pairs.Add((Call(key, [item], null), item));
            }
        }
        else
        {
            pairs = l.Items.Select(x => (x, x)).ToList();
        }

        var sorted = pairs.Select((p, i) => (p, i)).ToList();
        sorted.Sort((x, y) =>
        {
            var c = Order(x.p.Key, y.p.Key, "<");
            if (reverse)
            {
                c = -c;
            }

            return c != 0 ? c : x.i.CompareTo(y.i);
        });
        l.Items.Clear();
        l.Items.AddRange(sorted.Select(s => s.p.Item));
        if (key != null && key is not PyNone)
        {
            foreach (var (k, _) in pairs)
            {
                Decref(k, Why.Temporary);
            }
        }
    }

    public void DictUpdate(PyDict d, PyObject source)
    {
        if (source is PyDict other)
        {
            foreach (var (k, v) in other.Table.Entries())
            {
                Incref(k, Why.StoredInContainer, "a dict");
                Incref(v!, Why.StoredInContainer, "a dict");
                DictSet(d, k, v!, "a dict");
            }

            return;
        }

        foreach (var pair in Iterate(source))
        {
            var kv = Unpack(pair, 2);
            Decref(pair, Why.Temporary);
            DictSet(d, Hashable(kv[0]), kv[1], "a dict");
        }
    }
}
