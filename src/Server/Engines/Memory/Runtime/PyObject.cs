using System.Numerics;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// PyObject: ob_refcnt and ob_type, plus the PyGC_Head links (gc_prev/gc_next) that GC-capable objects
/// carry in front of the object in CPython (Include/internal/pycore_gc.h). <see cref="Generation"/> is the
/// list the object is on; -1 means untracked. <see cref="GcRefs"/> is gc_refs during a collection.
/// </summary>
internal abstract class PyObject
{
    public long RefCount = 1;
    public long Id;
    public PyType Type;
    public bool Shared;
    public int Generation = -1;
    public long GcRefs;
    public bool Collecting;
    public bool Unreachable;
    public bool Visited;
    public bool Finalized;
    public PyObject? GcPrev;
    public PyObject? GcNext;
    public List<PyWeakRef>? Weakrefs;
    public ulong Address;

    protected PyObject(PyType type) => Type = type;

    /// <summary>tp_traverse: the objects this one holds a strong reference to, in CPython's visiting order.</summary>
    public virtual void Traverse(List<PyObject> into)
    {
    }

    /// <summary>
    /// What the collector's update_refs and move_unreachable visit: <see cref="Traverse"/>, and for a class
    /// what its __mro__, __bases__ and descriptors hold, which the model keeps no objects for.
    /// </summary>
    public virtual void TraverseForCollector(List<PyObject> into) => Traverse(into);

    /// <summary>True when the type is a GC container (Py_TPFLAGS_HAVE_GC).</summary>
    public virtual bool IsGcType => false;
}

internal sealed class PyNone(PyType type) : PyObject(type)
{
}

internal sealed class PyInt : PyObject
{
    public readonly long Small;
    public readonly BigInteger? Big;

    public PyInt(PyType type, long value)
        : base(type) => Small = value;

    public PyInt(PyType type, BigInteger value)
        : base(type)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            Small = (long)value;
        }
        else
        {
            Big = value;
        }
    }

    public BigInteger Value => Big ?? Small;

    public bool IsBig => Big.HasValue;
}

internal sealed class PyFloat(PyType type, double value) : PyObject(type)
{
    public readonly double Value = value;
}

internal sealed class PyStr(PyType type, string value) : PyObject(type)
{
    public readonly string Value = value;
    public bool Interned;
}

internal sealed class PyRange(PyType type, long start, long stop, long step) : PyObject(type)
{
    public readonly long Start = start;
    public readonly long Stop = stop;
    public readonly long Step = step;

    public long Length => Step > 0
        ? (Stop > Start ? ((Stop - Start - 1) / Step) + 1 : 0)
        : (Start > Stop ? ((Start - Stop - 1) / -Step) + 1 : 0);
}

internal sealed class PyList(PyType type) : PyObject(type)
{
    public readonly List<PyObject> Items = [];

    /// <summary>Set for the lists standing in for dict views (dict_keys, dict_values, dict_items).</summary>
    public string? ViewName;

    /// <summary>ob_alloc: the slots allocated, which is what getsizeof counts (Objects/listobject.c list_resize).</summary>
    public int Allocated;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        // list_traverse visits from the end: for (i = Py_SIZE(o); --i >= 0; )
        for (var i = Items.Count - 1; i >= 0; i--)
        {
            into.Add(Items[i]);
        }
    }
}

internal sealed class PyTuple(PyType type, PyObject[] items) : PyObject(type)
{
    public readonly PyObject[] Items = items;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        for (var i = Items.Length - 1; i >= 0; i--)
        {
            into.Add(Items[i]);
        }
    }
}

internal sealed class PySet(PyType type) : PyObject(type)
{
    public readonly PyDictTable Table = new();

    /// <summary>mask + 1 of the hash table (8 while the small table inside the object is used).</summary>
    public int TableSize = 8;

    public int Fill;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        foreach (var (k, _) in Table.Entries())
        {
            into.Add(k);
        }
    }
}

internal sealed class PyDict(PyType type) : PyObject(type)
{
    public readonly PyDictTable Table = new();

    /// <summary>log2 of dk_size, or 0 while the dict uses the shared empty keys object.</summary>
    public int Log2Size;

    public int Usable;

    public bool UnicodeKeys = true;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        // dict_traverse: a table of str keys only visits the values.
        foreach (var (k, v) in Table.Entries())
        {
            if (!UnicodeKeys)
            {
                into.Add(k);
            }

            into.Add(v!);
        }
    }
}

internal sealed class PyIterator(PyType type, PyObject source) : PyObject(type)
{
    public PyObject? Source = source;
    public int Index;
    public long Next;
    public PyObject[]? Snapshot;

    public override bool IsGcType => Type.Name != "range_iterator";

    public override void Traverse(List<PyObject> into)
    {
        if (Source != null)
        {
            into.Add(Source);
        }
    }
}

internal sealed class PyModule(PyType type, string name) : PyObject(type)
{
    public readonly string Name = name;
    public readonly Dictionary<string, PyObject> Attributes = new(StringComparer.Ordinal);
}

/// <summary>A weakref.ref (Objects/weakrefobject.c): not counted by its referent; cleared when the referent dies.</summary>
internal sealed class PyWeakRef(PyType type, PyObject referent, PyObject? callback) : PyObject(type)
{
    public PyObject? Referent = referent;
    public PyObject? Callback = callback;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        if (Callback != null)
        {
            into.Add(Callback);
        }
    }
}
