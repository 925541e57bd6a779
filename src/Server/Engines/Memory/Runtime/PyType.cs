using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// A type object: the built-in types of the subset, static and shared by the interpreter, and the
/// student's classes (heap types), counted as CPython counts them: a class is referred to by its name,
/// by each of its instances, by its own __mro__ and the __dict__/__weakref__ descriptors type_new makes
/// (<see cref="SelfHeld"/>), and by its subclasses' tp_base, __bases__ and __mro__. Those references of its
/// own put every class in a cycle: only the collector frees one, as in CPython.
/// </summary>
internal sealed class PyType : PyObject
{
    public PyType(PyType? metatype, string name, PyType? baseType, bool isHeapType)
        : base(metatype!)
    {
        Name = name;
        Base = baseType;
        IsHeapType = isHeapType;
        Shared = !isHeapType;
        if (isHeapType)
        {
            // type_new: the __mro__ tuple holds the class itself; a class whose base gives its instances no
            // __dict__ (object, a built-in) gets a __dict__ descriptor, and one whose base gives them no
            // weak reference list and is of fixed size (tp_weaklistoffset and tp_itemsize both 0: not int,
            // tuple or bytes, nor set, whose instances take weak references) a __weakref__ descriptor; each
            // descriptor holds the class.
            OwnStructures = [.. new[] { "__mro__" }
                .Concat(baseType is { IsHeapType: false } b && !b.HasInstanceDict ? ["__dict__ descriptor"] : [])
                .Concat(baseType is { IsHeapType: false, Name: not ("int" or "bool" or "tuple" or "bytes" or "set" or "frozenset") } ? ["__weakref__ descriptor"] : [])];
            for (var t = baseType; t is { IsHeapType: true }; t = t.Base)
            {
                Ancestors.Add(t);
            }
        }
    }

    /// <summary>What of its own refers back to a class (its __mro__ and its descriptors): one reference each.</summary>
    public IReadOnlyList<string> OwnStructures { get; } = [];

    public int SelfHeld => OwnStructures.Count;

    /// <summary>The student's classes in this one's __mro__ after it, nearest first: the __mro__ holds each.</summary>
    public List<PyType> Ancestors { get; } = [];

    /// <summary>tp_clear has dropped the class's __mro__ and namespace (type_clear); its dealloc lets go only of its base.</summary>
    public bool Cleared { get; set; }

    /// <summary>
    /// The objects CPython makes for a class besides the type object, which the model does not draw and
    /// a collection counts with it: the __mro__ tuple; the __bases__ tuple, until a collection the class
    /// survived untracked it for holding only a built-in type (untrack_tuples); the descriptors; and the
    /// namespace dict when the collector tracks it (once it holds a descriptor, a function or another
    /// tracked object; with strings only it does not).
    /// </summary>
    public int ObjectsOfItsOwn =>
        1 + (Base is { IsHeapType: true } || !SurvivedCollection ? 1 : 0) + (SelfHeld - 1)
        + (SelfHeld > 1 || Dict.Values.Any(v => v.Generation >= 0) ? 1 : 0);

    /// <summary>
    /// The memory of what CPython makes for a student's class besides the type object, which the model
    /// does not draw (0: not made). Dicts and tuples come from their free lists when these hold one, and go
    /// back to them, as gc.get_count() and the pools show: the namespace dict the body runs in (let go
    /// once the class is made), tp_dict (a copy of it), the __bases__ and __mro__ tuples, and the
    /// tp_subclasses dict a class gets with its first subclass.
    /// </summary>
    public ulong NamespaceAddress { get; set; }

    public ulong DictAddress { get; set; }

    public ulong BasesAddress { get; set; }

    public ulong MroAddress { get; set; }

    public ulong SubclassesDictAddress { get; set; }

    /// <summary>How many of the student's classes have this one as their base: its tp_subclasses dict goes with the last.</summary>
    public int Subclasses { get; set; }

    /// <summary>The length of __mro__: the class, its bases up to object.</summary>
    public int MroLength
    {
        get
        {
            var n = 1;
            for (var b = Base; b != null; b = b.Base)
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>The class has been through a collection and out of it alive.</summary>
    public bool SurvivedCollection { get; set; }

    /// <summary>Instances of the class carry a __dict__: the student's classes and the exceptions (BaseException has one).</summary>
    public bool HasInstanceDict => IsHeapType || Name == "BaseException" || Base?.HasInstanceDict == true;

    public string Name { get; }

    public PyType? Base { get; }

    public bool IsHeapType { get; }

    /// <summary>The class namespace in definition order (tp_dict).</summary>
    public Dictionary<string, PyObject> Dict { get; } = new(StringComparer.Ordinal);

    public string? Module { get; set; }

    public override bool IsGcType => IsHeapType;

    public bool IsSubtypeOf(PyType other)
    {
        for (var t = this; t != null; t = t.Base)
        {
            if (ReferenceEquals(t, other))
            {
                return true;
            }
        }

        return false;
    }

    public PyObject? Lookup(string name)
    {
        for (var t = this; t != null; t = t.Base)
        {
            if (t.Dict.TryGetValue(name, out var v))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>What the class's namespace holds (gc.get_referents, the trace's references).</summary>
    public override void Traverse(List<PyObject> into)
    {
        foreach (var v in Dict.Values)
        {
            into.Add(v);
        }
    }

    public override void TraverseForCollector(List<PyObject> into)
    {
        // type_traverse visits tp_dict (with the descriptors that hold the class), tp_mro (the class and its
        // ancestors), tp_bases and tp_base. The model has no object for the tuples and descriptors, so the
        // collector is handed what they hold: it then subtracts the class's references of its own.
        Traverse(into);
        if (IsHeapType && !Cleared)
        {
            for (var i = 0; i < SelfHeld; i++)
            {
                into.Add(this);
            }

            into.AddRange(Ancestors);
        }

        if (Base is { IsHeapType: true } b)
        {
            into.Add(b);
            into.Add(b);
        }
    }
}

/// <summary>
/// An instance of a student's class. Since 3.11 its attributes live inline (managed dict values, no
/// __dict__ object until one is asked for), so a pair of instances in a cycle is two objects, not four.
/// </summary>
internal sealed class PyInstance(PyType type) : PyObject(type)
{
    public readonly Dictionary<string, PyObject> Attributes = new(StringComparer.Ordinal);

    /// <summary>Set for exception instances: the args tuple.</summary>
    public PyObject[]? Args;

    public List<TracebackEntry>? Traceback;

    /// <summary>
    /// An exception's __context__: the exception that was being handled when this one was raised
    /// (_PyErr_SetObject), which it keeps alive and which an uncaught traceback prints first.
    /// </summary>
    public PyInstance? Context;

    /// <summary>The traceback an exception was caught with, kept for printing it as another's context.</summary>
    public List<TracebackEntry>? CaughtTraceback;

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        // subtype_traverse visits the managed values (in insertion order), BaseException_traverse the
        // context, then the type.
        foreach (var v in Attributes.Values)
        {
            into.Add(v);
        }

        if (Context != null)
        {
            into.Add(Context);
        }

        into.Add(Type);
    }
}

/// <summary>One frame of a traceback: its line, function and the node that was running (for the carets).</summary>
internal readonly record struct TracebackEntry(int Line, string Function, Node? At);
