using System.Numerics;

namespace Playground.Engines.Memory.Runtime;

// Attributes, items, iteration and the growth rules of list, dict and set that sys.getsizeof shows
// (Objects/listobject.c list_resize, Objects/dictobject.c insertion_resize, Objects/setobject.c set_table_resize).
internal sealed partial class Interpreter
{
    public PyObject GetAttr(PyObject obj, string name)
    {
        switch (obj)
        {
            case PyInstance inst:
                if (inst.Attributes.TryGetValue(name, out var v))
                {
                    Incref(v, Why.Temporary);
                    return v;
                }

                if (name == "__context__" && inst.Args != null)
                {
                    if (inst.Context is not { } context)
                    {
                        return NewNone();
                    }

                    Incref(context, Why.Temporary);
                    return context;
                }

                if (name == "args" && inst.Args != null)
                {
                    var items = inst.Args.ToArray();
                    foreach (var a in items)
                    {
                        Incref(a, Why.StoredInContainer, "a tuple");
                    }

                    return NewTuple(items);
                }

                break;
            case PyModule m:
                if (m.Attributes.TryGetValue(name, out var mv))
                {
                    Incref(mv, Why.Temporary);
                    return mv;
                }

                throw Raise(Types.AttributeError, $"module '{m.Name}' has no attribute '{name}'");
            case PyType t:
                if (name == "__name__")
                {
                    return NewStr(t.Name);
                }

                if (t.Lookup(name) is { } cv)
                {
                    Incref(cv, Why.Temporary);
                    return cv;
                }

                throw Raise(Types.AttributeError, $"type object '{t.Name}' has no attribute '{name}'");
            case PyFunction fn when name == "__name__":
                return NewStr(fn.Name);
        }

        if (name == "__class__")
        {
            Incref(obj.Type, Why.Temporary);
            return obj.Type;
        }

        switch (obj.Type.Lookup(name))
        {
            case PyFunction f:
                return NewMethod(f, obj);
            case PyBuiltin b when b.Self == null:
                return NewBuiltinMethod(b.Name, b.Body, obj);
            case { } other:
                Incref(other, Why.Temporary);
                return other;
        }

        throw Raise(Types.AttributeError, $"'{obj.Type.Name}' object has no attribute '{name}'");
    }

    /// <summary>Stores an owned reference as an attribute.</summary>
    public void SetAttr(PyObject obj, string name, PyObject value)
    {
        switch (obj)
        {
            case PyInstance { Args: not null } exception when name == "__context__":
            {
                // BaseException_set_context: an exception or None, in the slot the printer and the
                // collector read, not in the instance's dict
                if (value is not PyInstance and not PyNone || value is PyInstance { Args: null })
                {
                    Decref(value, Why.Temporary);
                    throw Raise(Types.TypeError, "exception context must be None or derive from BaseException");
                }

                var previous = exception.Context;
                exception.Context = value as PyInstance;
                Recorder?.Rename(value, Why.Attribute, name, CurrentLine);
                if (value is PyNone)
                {
                    Decref(value, Why.Temporary);
                }

                XDecref(previous, Why.NameRebound, "." + name);
                return;
            }

            case PyInstance inst:
            {
                inst.Attributes.TryGetValue(name, out var old);
                inst.Attributes[name] = value;
                Recorder?.Rename(value, Why.Attribute, name, CurrentLine);
                XDecref(old, Why.NameRebound, "." + name);
                return;
            }

            case PyType t when t.IsHeapType:
            {
                t.Dict.TryGetValue(name, out var old);
                t.Dict[name] = value;
                Recorder?.Touched(t);
                XDecref(old, Why.NameRebound, "." + name);
                return;
            }
        }

        Decref(value, Why.Temporary);
        if (obj.Type.Lookup(name) != null)
        {
            throw Raise(Types.AttributeError, $"'{obj.Type.Name}' object attribute '{name}' is read-only");
        }

        throw Raise(Types.AttributeError, $"'{obj.Type.Name}' object has no attribute '{name}'");
    }

    public void DelAttr(PyObject obj, string name)
    {
        if (obj is PyInstance inst && inst.Attributes.Remove(name, out var old))
        {
            Decref(old, Why.NameDeleted, "." + name);
            return;
        }

        if (obj is PyType t && t.IsHeapType && t.Dict.Remove(name, out var cold))
        {
            Decref(cold, Why.NameDeleted, "." + name);
            return;
        }

        throw Raise(Types.AttributeError, obj is PyType ty ? $"type object '{ty.Name}' has no attribute '{name}'" : $"'{obj.Type.Name}' object has no attribute '{name}'");
    }

    private long Index(PyObject idx, string what)
    {
        if (idx is PyInt i)
        {
            if (i.IsBig)
            {
                throw Raise(Types.IndexError, $"cannot fit 'int' into an index-sized integer");
            }

            return i.Small;
        }

        throw Raise(Types.TypeError, $"{what} indices must be integers or slices, not {idx.Type?.Name ?? "slice"}");
    }

    private (long Start, long Stop, long Step, long Count) SliceIndices(PySlice s, long len)
    {
        long step = s.Step is PyNone ? 1 : Index(s.Step, "slice");
        if (step == 0)
        {
            throw Raise(Types.ValueError, "slice step cannot be zero");
        }

        long Clamp(PyObject v, long dflt, bool isStart)
        {
            if (v is PyNone)
            {
                return dflt;
            }

            var x = Index(v, "slice");
            if (x < 0)
            {
                x += len;
                if (x < 0)
                {
                    x = step < 0 ? -1 : 0;
                }
            }
            else if (x >= len)
            {
                x = step < 0 ? len - 1 : len;
            }

            _ = isStart;
            return x;
        }

        var start = Clamp(s.Lower, step < 0 ? len - 1 : 0, true);
        var stop = Clamp(s.Upper, step < 0 ? -1 : len, false);
        var count = step > 0 ? (stop > start ? ((stop - start - 1) / step) + 1 : 0) : (start > stop ? ((start - stop - 1) / -step) + 1 : 0);
        return (start, stop, step, count);
    }

    public PyObject GetItem(PyObject obj, PyObject idx)
    {
        switch (obj)
        {
            case PyList l:
                if (idx is PySlice ls)
                {
                    var (start, _, step, count) = SliceIndices(ls, l.Items.Count);
                    var nl = NewList((int)count);
                    for (long k = 0, i = start; k < count; k++, i += step)
                    {
                        Incref(l.Items[(int)i], Why.StoredInContainer, "a list");
                        nl.Items.Add(l.Items[(int)i]);
                    }

                    return nl;
                }

                {
                    var i = Index(idx, "list");
                    if (i < 0)
                    {
                        i += l.Items.Count;
                    }

                    if (i < 0 || i >= l.Items.Count)
                    {
                        throw Raise(Types.IndexError, "list index out of range");
                    }

                    var v = l.Items[(int)i];
                    Incref(v, Why.Temporary);
                    return v;
                }

            case PyTuple t:
                if (idx is PySlice ts)
                {
                    var (start, _, step, count) = SliceIndices(ts, t.Items.Length);
                    var items = new PyObject[count];
                    for (long k = 0, i = start; k < count; k++, i += step)
                    {
                        items[k] = t.Items[(int)i];
                        Incref(items[k], Why.StoredInContainer, "a tuple");
                    }

                    return NewTuple(items);
                }

                {
                    var i = Index(idx, "tuple");
                    if (i < 0)
                    {
                        i += t.Items.Length;
                    }

                    if (i < 0 || i >= t.Items.Length)
                    {
                        throw Raise(Types.IndexError, "tuple index out of range");
                    }

                    var v = t.Items[(int)i];
                    Incref(v, Why.Temporary);
                    return v;
                }

            case PyStr s:
                if (idx is PySlice ss)
                {
                    var (start, _, step, count) = SliceIndices(ss, s.Value.Length);
                    var sb = new System.Text.StringBuilder();
                    for (long k = 0, i = start; k < count; k++, i += step)
                    {
                        sb.Append(s.Value[(int)i]);
                    }

                    return NewStr(sb.ToString());
                }

                {
                    var i = Index(idx, "string");
                    if (i < 0)
                    {
                        i += s.Value.Length;
                    }

                    if (i < 0 || i >= s.Value.Length)
                    {
                        throw Raise(Types.IndexError, "string index out of range");
                    }

                    return NewStr(s.Value[(int)i].ToString());
                }

            case PyDict d:
                if (d.Table.TryGet(Hashable(idx), out var dv))
                {
                    Incref(dv!, Why.Temporary);
                    return dv!;
                }

                throw new PyException(NewKeyError(idx));
            case PyRange r when idx is PyInt:
            {
                var i = Index(idx, "range");
                if (i < 0)
                {
                    i += r.Length;
                }

                if (i < 0 || i >= r.Length)
                {
                    throw Raise(Types.IndexError, "range object index out of range");
                }

                return NewInt(r.Start + (i * r.Step));
            }
        }

        throw Raise(Types.TypeError, $"'{obj.Type.Name}' object is not subscriptable");
    }

    private PyInstance NewKeyError(PyObject key)
    {
        var e = NewInstance(Types.KeyError);
        Incref(key, Why.StoredInContainer, "the exception's args");
        e.Args = [key];
        return e;
    }

    /// <summary>Stores an owned value at obj[idx].</summary>
    public void SetItem(PyObject obj, PyObject idx, PyObject value, Syntax.SubscriptExpr? at)
    {
        switch (obj)
        {
            case PyList l:
            {
                if (idx is PySlice)
                {
                    Decref(value, Why.Temporary);
                    throw Raise(Types.TypeError, "slice assignment is not part of the playground's subset");
                }

                long i;
                try
                {
                    i = Index(idx, "list");
                }
                catch
                {
                    Decref(value, Why.Temporary);
                    throw;
                }

                if (i < 0)
                {
                    i += l.Items.Count;
                }

                if (i < 0 || i >= l.Items.Count)
                {
                    Decref(value, Why.Temporary);
                    throw Raise(Types.IndexError, "list assignment index out of range");
                }

                var old = l.Items[(int)i];
                l.Items[(int)i] = value;
                Recorder?.Rename(value, Why.StoredInContainer, ContainerName(at, i), CurrentLine);
                Decref(old, Why.RemovedFromContainer, ContainerName(at, i));
                return;
            }

            case PyDict d:
                try
                {
                    Hashable(idx);
                }
                catch
                {
                    Decref(value, Why.Temporary);
                    throw;
                }

                Incref(idx, Why.StoredInContainer, "a dict key");
                DictSet(d, idx, value, at == null ? "a dict" : ContainerName(at, null));
                return;
        }

        Decref(value, Why.Temporary);
        throw Raise(Types.TypeError, $"'{obj.Type.Name}' object does not support item assignment");
    }

    private static string ContainerName(Syntax.SubscriptExpr? at, long? i) =>
        at?.Value is Syntax.NameExpr n ? (i is { } k ? $"`{n.Id}[{k}]`" : $"`{n.Id}[...]`") : "a container";

    public void DelItem(PyObject obj, PyObject idx)
    {
        switch (obj)
        {
            case PyList l when idx is PySlice slice:
            {
                // Objects/listobject.c: a simple slice goes through list_ass_slice, which takes the items
                // out, shrinks the list and then drops them from the last to the first; an extended slice
                // (list_ass_subscript) drops its garbage from the first to the last.
                var (start, _, step, count) = SliceIndices(slice, l.Items.Count);
                var removed = new List<PyObject>((int)count);
                for (long n = 0, i = start; n < count; n++, i += step)
                {
                    removed.Add(l.Items[(int)i]);
                }

                var positions = new HashSet<long>();
                for (long n = 0, i = start; n < count; n++, i += step)
                {
                    positions.Add(i);
                }

                var kept = l.Items.Where((_, index) => !positions.Contains(index)).ToList();
                l.Items.Clear();
                l.Items.AddRange(kept);
                ListResize(l, l.Items.Count);
                var order = step == 1 ? Enumerable.Reverse(removed) : removed;
                foreach (var old in order)
                {
                    Decref(old, Why.RemovedFromContainer, "a list");
                }

                return;
            }

            case PyList l:
            {
                var i = Index(idx, "list");
                if (i < 0)
                {
                    i += l.Items.Count;
                }

                if (i < 0 || i >= l.Items.Count)
                {
                    throw Raise(Types.IndexError, "list assignment index out of range");
                }

                var old = l.Items[(int)i];
                l.Items.RemoveAt((int)i);
                ListResize(l, l.Items.Count);
                Decref(old, Why.RemovedFromContainer, "a list");
                return;
            }

            case PyDict d:
                if (d.Table.Remove(Hashable(idx), out var k, out var v))
                {
                    Decref(k, Why.RemovedFromContainer, "a dict");
                    Decref(v!, Why.RemovedFromContainer, "a dict");
                    return;
                }

                throw new PyException(NewKeyError(idx));
        }

        throw Raise(Types.TypeError, $"'{obj.Type.Name}' object doesn't support item deletion");
    }

    public PyObject GetIter(PyObject obj) => obj switch
    {
        PyList => NewIterator(Types.ListIterator, obj),
        PyTuple => NewIterator(Types.TupleIterator, obj),
        PyStr => NewIterator(Types.StrIterator, obj),
        PyRange r => NewIterator(Types.RangeIterator, obj).WithNext(r.Start),
        PyDict d => NewIterator(Types.DictKeyIterator, obj).WithSnapshot([.. d.Table.Entries().Select(e => e.Key)]),
        PySet s => NewIterator(Types.SetIterator, obj).WithSnapshot([.. SetIterationOrder.Keys(s)]),
        PyIterator it => Retained(it),
        _ => throw Raise(Types.TypeError, $"'{obj.Type.Name}' object is not iterable"),
    };

    private PyIterator Retained(PyIterator it)
    {
        Incref(it, Why.Temporary);
        return it;
    }

    /// <summary>tp_iternext: a new reference to the next item, or null when exhausted.</summary>
    public PyObject? Next(PyObject iterator)
    {
        var it = (PyIterator)iterator;
        switch (it.Source)
        {
            case PyList l:
                if (it.Index < l.Items.Count)
                {
                    var v = l.Items[it.Index++];
                    Incref(v, Why.Temporary);
                    return v;
                }

                break;
            case PyTuple t:
                if (it.Index < t.Items.Length)
                {
                    var v = t.Items[it.Index++];
                    Incref(v, Why.Temporary);
                    return v;
                }

                break;
            case PyStr s:
                if (it.Index < s.Value.Length)
                {
                    return NewStr(s.Value[it.Index++].ToString());
                }

                break;
            case PyRange r:
                if (r.Step > 0 ? it.Next < r.Stop : it.Next > r.Stop)
                {
                    var v = NewInt(it.Next);
                    it.Next += r.Step;
                    return v;
                }

                break;
            case PyDict or PySet:
                if (it.Snapshot!.Length != (it.Source is PyDict dd ? dd.Table.Count : ((PySet)it.Source).Table.Count) && it.Index < it.Snapshot.Length)
                {
                    throw Raise(Types.RuntimeError, it.Source is PyDict ? "dictionary changed size during iteration" : "Set changed size during iteration");
                }

                if (it.Index < it.Snapshot.Length)
                {
                    var v = it.Snapshot[it.Index++];
                    Incref(v, Why.Temporary);
                    return v;
                }

                break;
            default:
                return null;
        }

        // Exhausted: the iterator drops its reference to the sequence (listiter_next sets it_seq = NULL).
        if (it.Source is not PyRange)
        {
            var src = it.Source;
            it.Source = null;
            XDecref(src, Why.ContainerFreed, "exhausted iterator");
        }

        return null;
    }

    public List<PyObject> Iterate(PyObject obj)
    {
        var it = GetIter(obj);
        var items = new List<PyObject>();
        try
        {
            while (Next(it) is { } x)
            {
                items.Add(x);
                Work();
            }
        }
        catch
        {
            foreach (var x in items)
            {
                Decref(x, Why.Temporary);
            }

            throw;
        }
        finally
        {
            Decref(it, Why.Temporary);
        }

        return items;
    }

    /// <summary>list_resize (3.11): over-allocate by about 1/8 plus 6, rounded to a multiple of 4.</summary>
    public static void ListResize(PyList l, int newSize)
    {
        if (l.Allocated >= newSize && newSize >= (l.Allocated >> 1))
        {
            return;
        }

        var oldSize = newSize == l.Items.Count ? l.Items.Count - 1 : l.Items.Count;
        var newAllocated = (newSize + (newSize >> 3) + 6) & ~3;
        if (newSize - oldSize > newAllocated - newSize)
        {
            newAllocated = (newSize + 3) & ~3;
        }

        l.Allocated = newSize == 0 ? 0 : newAllocated;
    }

    public void ListAppend(PyList l, PyObject value)
    {
        ListResize(l, l.Items.Count + 1);
        l.Items.Add(value);
        Recorder?.Rename(value, Why.StoredInContainer, "a list", CurrentLine);
    }

    public void ListExtend(PyList l, PyObject iterable)
    {
        var items = Iterate(iterable);
        var known = iterable is PyList or PyTuple or PyRange or PyStr or PyDict or PySet;
        if (known && l.Items.Count == 0)
        {
            // list_preallocate_exact / extend of a sized iterable into an empty list: (n + 1) & ~1 slots.
            l.Allocated = Math.Max(l.Allocated, (items.Count + 1) & ~1);
        }
        else
        {
            foreach (var _ in items)
            {
                ListResize(l, l.Items.Count + 1);
                l.Items.Add(null!);
            }

            l.Items.RemoveRange(l.Items.Count - items.Count, items.Count);
        }

        foreach (var x in items)
        {
            l.Items.Add(x);
        }
    }

    /// <summary>dict_new_presized / a dict display: up to 5 items fit the minimum 8-slot table.</summary>
    public static void PresizeDict(PyDict d, int n)
    {
        if (n == 0)
        {
            return;
        }

        var log2 = 3;
        if (n > 5)
        {
            var want = ((n * 3) + 1) / 2;
            while ((1 << log2) < want)
            {
                log2++;
            }
        }

        d.Log2Size = log2;
        d.Usable = ((1 << log2) * 2) / 3;
    }

    /// <summary>Stores owned key and value (insertdict), resizing like insertion_resize (GROWTH_RATE = used * 3).</summary>
    public void DictSet(PyDict d, PyObject key, PyObject value, string where)
    {
        if (key is not PyStr)
        {
            d.UnicodeKeys = false;
        }

        var old = d.Table.Set(key, value, out var isNew);
        if (isNew)
        {
            if (d.Log2Size == 0)
            {
                d.Log2Size = 3;
                d.Usable = 5;
            }

            if (d.Table.EntriesUsed > d.Usable)
            {
                var used = d.Table.Count - 1;
                var want = used * 3;
                var log2 = 3;
                while ((1 << log2) < want)
                {
                    log2++;
                }

                d.Log2Size = log2;
                d.Usable = ((1 << log2) * 2) / 3;
                d.Table.Compact();
            }
        }

        Recorder?.Rename(value, Why.StoredInContainer, where, CurrentLine);
        if (d.Generation < 0 && (MayBeTrackedValue(key) || MayBeTrackedValue(value)))
        {
            Gc.Track(d);
        }

        if (!isNew)
        {
            Decref(key, Why.Temporary);
            Decref(old!, Why.RemovedFromContainer, where);
        }
    }

    // _PyObject_GC_MAY_BE_TRACKED: any GC object, except a tuple that is already untracked.
    private static bool MayBeTrackedValue(PyObject o) => o.IsGcType && (o is not PyTuple || o.Generation >= 0);

    public void DictSetString(PyDict d, string key, PyObject value) => DictSet(d, NewStr(key), value, "a dict");

    /// <summary>set_add_entry; steals <paramref name="item"/> when <paramref name="steal"/>.</summary>
    public void SetAdd(PySet s, PyObject item, bool steal)
    {
        try
        {
            Hashable(item);
        }
        catch
        {
            if (steal)
            {
                Decref(item, Why.Temporary);
            }

            throw;
        }

        if (s.Table.ContainsKey(item))
        {
            if (steal)
            {
                Decref(item, Why.Temporary);
            }

            return;
        }

        if (!steal)
        {
            Incref(item, Why.StoredInContainer, "a set");
        }

        s.Table.Set(item, null, out _);
        s.Fill++;
        if (s.Fill * 5 >= (s.TableSize - 1) * 3)
        {
            var minUsed = s.Table.Count > 50000 ? s.Table.Count * 2 : s.Table.Count * 4;
            var size = 8;
            while (size <= minUsed)
            {
                size <<= 1;
            }

            s.TableSize = size;
            s.Fill = s.Table.Count;
        }
    }

    /// <summary>sys.getsizeof as 3.11 reports it on 64-bit builds (basic size + items + GC pre-header).</summary>
    public long SizeOf(PyObject o)
    {
        const int gcHead = 16;
        return o switch
        {
                        PyInt i => 24 + (4 * Math.Max(1, Digits(i.Value))),
            PyFloat => 24,
            PyNone => 16,
            PyStr s => StrSize(s.Value),
            PyList l => 40 + gcHead + (8L * l.Allocated),
            PyTuple t => 24 + gcHead + (8L * t.Items.Length),
            PyDict d => 48 + gcHead + (d.Log2Size == 0 ? 0 : 32 + (1 << d.Log2Size) * IndexBytes(d.Log2Size) + (d.Usable * (d.UnicodeKeys ? 16 : 24))),
            PySet s => 200 + gcHead + (s.TableSize > 8 ? 16L * s.TableSize : 0),
            PyInstance => 56,
            PyRange => 48,
            PyIterator it => it.Type == Types.RangeIterator ? 48 : 48,
            PyFunction => 152,
            PyBuiltin => 72,
            PyMethod => 64,
            PyWeakRef => 80,
            PyModule => 72,
            PyType => 1064 + gcHead,
            _ => 16,
        };
    }

    private static int IndexBytes(int log2) => log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;

    private static int Digits(BigInteger v)
    {
        v = BigInteger.Abs(v);
        var n = 0;
        while (!v.IsZero)
        {
            v >>= 30;
            n++;
        }

        return n;
    }

    private static long StrSize(string s)
    {
        var max = 0;
        foreach (var c in s)
        {
            max = Math.Max(max, c);
        }

        var len = new System.Globalization.StringInfo(s).LengthInTextElements;
        if (max < 128)
        {
            return 49 + s.Length;
        }

        if (max < 256)
        {
            return 73 + s.Length;
        }

        return s.Any(char.IsSurrogate) ? 76 + (4L * len) : 74 + (2L * s.Length);
    }

    /// <summary>tp_clear, as delete_garbage calls it: drop the references that can form cycles.</summary>
    public void ClearForGc(PyObject o)
    {
        switch (o)
        {
            case PyList l:
            {
                // _list_clear empties the list before dropping the items; a pooled copy keeps a collection of
                // a million lists from allocating a million arrays.
                var count = l.Items.Count;
                var items = System.Buffers.ArrayPool<PyObject>.Shared.Rent(count);
                l.Items.CopyTo(items);
                l.Items.Clear();
                l.Allocated = 0;
                try
                {
                    for (var i = count - 1; i >= 0; i--)
                    {
                        Decref(items[i], Why.GcClear);
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<PyObject>.Shared.Return(items, clearArray: true);
                }

                break;
            }

            case PyDict d:
            {
                var entries = d.Table.Entries();
                d.Table.Clear();
                d.Log2Size = 0;
                foreach (var (k, v) in entries)
                {
                    Decref(k, Why.GcClear);
                    Decref(v!, Why.GcClear);
                }

                break;
            }

            case PySet s:
            {
                var entries = s.Table.Entries();
                s.Table.Clear();
                foreach (var (k, _) in entries)
                {
                    Decref(k, Why.GcClear);
                }

                break;
            }

            case PyInstance inst:
            {
                var values = inst.Attributes.Values.ToArray();
                inst.Attributes.Clear();
                foreach (var v in values)
                {
                    Decref(v, Why.GcClear);
                }

                if (inst.Context is { } context)
                {
                    inst.Context = null;
                    Decref(context, Why.GcClear, "__context__");
                }

                break;
            }

            case PyFunction f:
            {
                var defaults = f.Defaults;
                f.Defaults = [];
                foreach (var d in defaults)
                {
                    XDecref(d, Why.GcClear);
                }

                break;
            }

            case PyType t:
            {
                // type_clear: the namespace, with the descriptors that hold the class, and the __mro__
                var values = t.Dict.Values.ToArray();
                t.Dict.Clear();
                foreach (var v in values)
                {
                    Decref(v, Why.GcClear);
                }

                if (t.IsHeapType && !t.Cleared)
                {
                    DropOwnStructures(t, Why.GcClear);
                }

                break;
            }

            case PyWeakRef w:
            {
                w.Referent?.Weakrefs?.Remove(w);
                w.Referent = null;
                var cb = w.Callback;
                w.Callback = null;
                XDecref(cb, Why.GcClear);
                break;
            }
        }
    }

    /// <summary>clear_freelists: a full collection empties the type free lists (Modules/gcmodule.c) and gives their memory back to pymalloc.</summary>
    public void ClearFreeLists()
    {
        _listFree = 0;
        _dictFree = 0;
        Array.Clear(_tupleFree);
        foreach (var stack in _tupleFreeMemory.Append(_listFreeMemory).Append(_dictFreeMemory).Append(_floatFreeMemory))
        {
            while (stack.Count > 0)
            {
                Allocator.Free(stack.Pop());
            }
        }
    }

    /// <summary>
    /// What CPython 3.11 asks the allocator for when it makes the object: tp_basicsize + items, plus the
    /// 16-byte PyGC_Head for GC types and 16 more for the managed-dict pre-header of instances
    /// (_PyType_PreHeaderSize). For list, dict and set this is the object itself; their item arrays, keys
    /// tables and large set tables are separate allocations the model does not make yet.
    /// </summary>
    private int RequestSize(PyObject o) => o switch
    {
        PyList => 56,
        PyDict => 64,
        PySet => 216,
        _ => (int)SizeOf(o),
    };
}

internal static class IteratorSetup
{
    public static PyIterator WithNext(this PyIterator it, long next)
    {
        it.Next = next;
        return it;
    }

    public static PyIterator WithSnapshot(this PyIterator it, PyObject[] items)
    {
        it.Snapshot = items;
        return it;
    }
}
