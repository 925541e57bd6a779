namespace Playground.Engines.Memory.Runtime;

// Methods of list, dict, set and str in the subset (Objects/listobject.c, dictobject.c, setobject.c,
// unicodeobject.c), with CPython's messages.
internal sealed partial class Interpreter
{
    private void InitMethods()
    {
        var list = Types.List;
        Method(list, "append", (it, s, a, _) =>
        {
            Arity(it, "list.append", a, 1, 1);
            it.ListAppend((PyList)s!, it.Own(a[0]));
            return it.NewNone();
        });
        Method(list, "extend", (it, s, a, _) =>
        {
            Arity(it, "list.extend", a, 1, 1);
            it.ListExtend((PyList)s!, a[0]);
            return it.NewNone();
        });
        Method(list, "insert", (it, s, a, _) =>
        {
            Arity(it, "insert", a, 2, 2);
            var l = (PyList)s!;
            var i = it.SsizeArgument(a[0]);
            i = i < 0 ? Math.Max(0, i + l.Items.Count) : Math.Min(i, l.Items.Count);
            ListResize(l, l.Items.Count + 1);
            l.Items.Insert((int)i, it.Own(a[1]));
            return it.NewNone();
        });
        Method(list, "pop", (it, s, a, _) =>
        {
            Arity(it, "pop", a, 0, 1);
            var l = (PyList)s!;
            if (l.Items.Count == 0)
            {
                throw it.Raise(it.Types.IndexError, "pop from empty list");
            }

            var i = a.Length == 0 ? l.Items.Count - 1 : it.SsizeArgument(a[0]);
            if (i < 0)
            {
                i += l.Items.Count;
            }

            if (i < 0 || i >= l.Items.Count)
            {
                throw it.Raise(it.Types.IndexError, "pop index out of range");
            }

            var v = l.Items[(int)i];
            l.Items.RemoveAt((int)i);
            ListResize(l, l.Items.Count);
            return v;
        });
        Method(list, "remove", (it, s, a, _) =>
        {
            Arity(it, "list.remove", a, 1, 1);
            var l = (PyList)s!;
            var i = l.Items.FindIndex(x => it.PyEquals(x, a[0]));
            if (i < 0)
            {
                throw it.Raise(it.Types.ValueError, "list.remove(x): x not in list");
            }

            var v = l.Items[i];
            l.Items.RemoveAt(i);
            ListResize(l, l.Items.Count);
            it.Decref(v, Why.RemovedFromContainer, "a list");
            return it.NewNone();
        });
        Method(list, "clear", (it, s, a, _) =>
        {
            Arity(it, "list.clear", a, 0, 0);
            var l = (PyList)s!;
            var items = l.Items.ToArray();
            l.Items.Clear();
            l.Allocated = 0;
            for (var i = items.Length - 1; i >= 0; i--)
            {
                it.Decref(items[i], Why.RemovedFromContainer, "a list");
            }

            return it.NewNone();
        });
        Method(list, "index", (it, s, a, _) =>
        {
            Arity(it, "index", a, 1, 1);
            var i = ((PyList)s!).Items.FindIndex(x => it.PyEquals(x, a[0]));
            return i >= 0 ? it.NewInt(i) : throw it.Raise(it.Types.ValueError, $"{it.Repr(a[0])} is not in list");
        });
        Method(list, "count", (it, s, a, _) =>
        {
            Arity(it, "list.count", a, 1, 1);
            return it.NewInt(((PyList)s!).Items.Count(x => it.PyEquals(x, a[0])));
        });
        Method(list, "copy", (it, s, a, _) =>
        {
            Arity(it, "list.copy", a, 0, 0);
            var src = (PyList)s!;
            var l = it.NewList(src.Items.Count);
            foreach (var x in src.Items)
            {
                it.Incref(x, Why.StoredInContainer, "a list");
                l.Items.Add(x);
            }

            return l;
        });
        Method(list, "reverse", (it, s, a, _) =>
        {
            Arity(it, "list.reverse", a, 0, 0);
            ((PyList)s!).Items.Reverse();
            return it.NewNone();
        });
        Method(list, "sort", (it, s, a, kw) =>
        {
            Arity(it, "sort", a, 0, 0);
            it.Sort((PyList)s!, kw);
            return it.NewNone();
        });

        var dict = Types.Dict;
        Method(dict, "get", (it, s, a, _) =>
        {
            Arity(it, "get", a, 1, 2);
            return ((PyDict)s!).Table.TryGet(it.Hashable(a[0]), out var v) ? it.Own(v!) : (a.Length > 1 ? it.Own(a[1]) : it.NewNone());
        });
        Method(dict, "keys", (it, s, _, _) => it.View((PyDict)s!, "dict_keys", e => [e.Key]));
        Method(dict, "values", (it, s, _, _) => it.View((PyDict)s!, "dict_values", e => [e.Value!]));
        Method(dict, "items", (it, s, _, _) => it.View((PyDict)s!, "dict_items", e =>
        {
            it.Incref(e.Key, Why.StoredInContainer, "a tuple");
            it.Incref(e.Value!, Why.StoredInContainer, "a tuple");
            return [it.NewTuple([e.Key, e.Value!])];
        }, own: false));
        Method(dict, "pop", (it, s, a, _) =>
        {
            Arity(it, "pop", a, 1, 2);
            var d = (PyDict)s!;
            if (d.Table.Remove(it.Hashable(a[0]), out var k, out var v))
            {
                it.Decref(k, Why.RemovedFromContainer, "a dict");
                return v!;
            }

            return a.Length > 1 ? it.Own(a[1]) : throw new PyException(it.NewKeyError(a[0]));
        });
        Method(dict, "setdefault", (it, s, a, _) =>
        {
            Arity(it, "setdefault", a, 1, 2);
            var d = (PyDict)s!;
            if (d.Table.TryGet(it.Hashable(a[0]), out var v))
            {
                return it.Own(v!);
            }

            var value = a.Length > 1 ? a[1] : it.None;
            it.Incref(a[0], Why.StoredInContainer, "a dict key");
            it.Incref(value, Why.StoredInContainer, "a dict");
            it.DictSet(d, a[0], value, "a dict");
            return it.Own(value);
        });
        Method(dict, "update", (it, s, a, kw) =>
        {
            Arity(it, "update", a, 0, 1);
            if (a.Length == 1)
            {
                it.DictUpdate((PyDict)s!, a[0]);
            }

            foreach (var (k, v) in kw ?? [])
            {
                it.Incref(v, Why.StoredInContainer, "a dict");
                it.DictSet((PyDict)s!, it.Intern(k, true), v, "a dict");
            }

            return it.NewNone();
        });
        Method(dict, "clear", (it, s, a, _) =>
        {
            Arity(it, "dict.clear", a, 0, 0);
            var d = (PyDict)s!;
            var entries = d.Table.Entries();
            d.Table.Clear();
            d.Log2Size = 0;
            d.Usable = 0;
            d.UnicodeKeys = true;
            foreach (var (k, v) in entries)
            {
                it.Decref(k, Why.RemovedFromContainer, "a dict");
                it.Decref(v!, Why.RemovedFromContainer, "a dict");
            }

            return it.NewNone();
        });
        Method(dict, "copy", (it, s, a, _) =>
        {
            Arity(it, "dict.copy", a, 0, 0);
            var d = it.NewDict();
            PresizeDict(d, ((PyDict)s!).Table.Count);
            it.DictUpdate(d, s!);
            return d;
        });

        var set = Types.Set;
        Method(set, "add", (it, s, a, _) =>
        {
            Arity(it, "set.add", a, 1, 1);
            it.SetAdd((PySet)s!, a[0], steal: false);
            return it.NewNone();
        });
        Method(set, "discard", (it, s, a, _) =>
        {
            Arity(it, "set.discard", a, 1, 1);
            if (((PySet)s!).Table.Remove(it.Hashable(a[0]), out var k, out var unused))
            {
                it.Decref(k, Why.RemovedFromContainer, "a set");
            }

            return it.NewNone();
        });
        Method(set, "remove", (it, s, a, _) =>
        {
            Arity(it, "set.remove", a, 1, 1);
            if (((PySet)s!).Table.Remove(it.Hashable(a[0]), out var k, out var unused))
            {
                it.Decref(k, Why.RemovedFromContainer, "a set");
                return it.NewNone();
            }

            throw new PyException(it.NewKeyError(a[0]));
        });
        Method(set, "clear", (it, s, a, _) =>
        {
            Arity(it, "set.clear", a, 0, 0);
            var st = (PySet)s!;
            var entries = st.Table.Entries();
            st.Table.Clear();
            st.TableSize = 8;
            st.Fill = 0;
            foreach (var (k, _) in entries)
            {
                it.Decref(k, Why.RemovedFromContainer, "a set");
            }

            return it.NewNone();
        });

        // Self is a str here (Method checks it); the arguments go through the converters of
        // Interpreter.Arguments.cs with the messages of Objects/unicodeobject.c.
        var str = Types.Str;
        static string S(PyObject? o) => ((PyStr)o!).Value;
        Method(str, "upper", (it, s, a, _) =>
        {
            Arity(it, "str.upper", a, 0, 0);
            return it.NewStr(S(s).ToUpperInvariant());
        });
        Method(str, "lower", (it, s, a, _) =>
        {
            Arity(it, "str.lower", a, 0, 0);
            return it.NewStr(S(s).ToLowerInvariant());
        });
        Method(str, "strip", (it, s, a, _) =>
        {
            // do_argstrip: "strip arg must be None or str".
            Arity(it, "strip", a, 0, 1);
            var chars = it.OptionalStrArgument(a.Length == 0 ? null : a[0], _ => "strip arg must be None or str");
            return it.NewStr(chars == null ? S(s).Trim() : S(s).Trim(chars.ToCharArray()));
        });
        Method(str, "startswith", (it, s, a, _) =>
        {
            // tailmatch's callers: a str or a tuple of str, each checked with its own message.
            Arity(it, "startswith", a, 1, 1);
            string Prefix(PyObject x) => x is PyStr p ? p.Value
                : throw it.Raise(it.Types.TypeError, $"tuple for startswith must only contain str, not {x.Type.Name}");
            return a[0] switch
            {
                PyTuple t => it.Bool(t.Items.Any(x => S(s).StartsWith(Prefix(x), StringComparison.Ordinal))),
                PyStr p => it.Bool(S(s).StartsWith(p.Value, StringComparison.Ordinal)),
                _ => throw it.Raise(it.Types.TypeError, $"startswith first arg must be str or a tuple of str, not {a[0].Type.Name}"),
            };
        });
        Method(str, "replace", (it, s, a, _) =>
        {
            Arity(it, "replace", a, 2, 2);
            var old = it.StrArgument(a[0], "replace", 1);
            var replacement = it.StrArgument(a[1], "replace", 2);
            return it.NewStr(old.Length == 0 ? S(s) : S(s).Replace(old, replacement, StringComparison.Ordinal));
        });
        Method(str, "join", (it, s, a, _) =>
        {
            Arity(it, "str.join", a, 1, 1);
            var items = it.Iterate(a[0]);
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not PyStr)
                    {
                        throw it.Raise(it.Types.TypeError, $"sequence item {i}: expected str instance, {items[i].Type.Name} found");
                    }
                }

                return it.NewStr(string.Join(S(s), items.Select(x => S(x))));
            }
            finally
            {
                foreach (var x in items)
                {
                    it.Decref(x, Why.Temporary);
                }
            }
        });
        Method(str, "split", (it, s, a, _) =>
        {
            Arity(it, "split", a, 0, 1);
            var sep = it.OptionalStrArgument(a.Length == 0 ? null : a[0], o => $"must be str or None, not {o.Type.Name}");
            var parts = sep == null
                ? S(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                : sep.Length == 0 ? throw it.Raise(it.Types.ValueError, "empty separator") : S(s).Split(sep);
            var l = it.NewList();
            foreach (var p in parts)
            {
                it.ListAppend(l, it.NewStr(p));
            }

            return l;
        });
        Method(str, "format", (it, s, a, kw) => it.NewStr(it.FormatString(S(s), a, kw)));
    }

    /// <summary>
    /// str.format (Objects/stringlib/unicode_format.h): literal text, {{ and }}, and fields named by
    /// position (automatic or explicit) or keyword, with an optional format spec. Malformed strings and
    /// missing arguments raise what CPython raises.
    /// </summary>
    private string FormatString(string text, PyObject[] a, (string Name, PyObject Value)[]? kw)
    {
        var sb = new System.Text.StringBuilder();
        var auto = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                sb.Append('{');
                i++;
            }
            else if (text[i] == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                sb.Append('}');
                i++;
            }
            else if (text[i] == '}')
            {
                throw Raise(Types.ValueError, "Single '}' encountered in format string");
            }
            else if (text[i] == '{')
            {
                var close = text.IndexOf('}', i);
                if (close < 0)
                {
                    throw Raise(Types.ValueError, i == text.Length - 1 ? "Single '{' encountered in format string" : "expected '}' before end of string");
                }

                var field = text[(i + 1)..close];
                var colon = field.IndexOf(':', StringComparison.Ordinal);
                var name = colon >= 0 ? field[..colon] : field;
                var spec = colon >= 0 ? field[(colon + 1)..] : "";
                var position = name.Length == 0 ? auto++ : int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
                PyObject value;
                if (position >= 0)
                {
                    value = position < a.Length ? a[position]
                        : throw Raise(Types.IndexError, $"Replacement index {position} out of range for positional args tuple");
                }
                else
                {
                    value = kw?.FirstOrDefault(k => k.Name == name).Value ?? throw MissingFormatKey(name);
                }

                sb.Append(spec.Length == 0 ? Str(value) : Format(value, spec));
                i = close;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private PyException MissingFormatKey(string name)
    {
        var key = NewStr(name);
        var e = NewKeyError(key);
        Decref(key, Why.Temporary);
        return new PyException(e);
    }

    private PyList View(PyDict d, string name, Func<(PyObject Key, PyObject? Value), PyObject[]> select, bool own = true)
    {
        var l = NewList();
        l.ViewName = name;
        foreach (var e in d.Table.Entries())
        {
            foreach (var x in select(e))
            {
                if (own)
                {
                    Incref(x, Why.StoredInContainer, "a view");
                }

                l.Items.Add(x);
            }
        }

        l.Allocated = l.Items.Count;
        return l;
    }
}
