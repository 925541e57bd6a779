using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// A type object: the built-in types of the subset and the student's classes (heap types). Classes are
/// "shared by the interpreter" in the playground's sense: their real count depends on caches CPython keeps.
/// </summary>
internal sealed class PyType : PyObject
{
    public PyType(PyType? metatype, string name, PyType? baseType, bool isHeapType)
        : base(metatype!)
    {
        Name = name;
        Base = baseType;
        IsHeapType = isHeapType;
        Shared = true;
    }

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

    public override void Traverse(List<PyObject> into)
    {
        foreach (var v in Dict.Values)
        {
            into.Add(v);
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

    public override bool IsGcType => true;

    public override void Traverse(List<PyObject> into)
    {
        // subtype_traverse visits the managed values (in insertion order) and then the type.
        foreach (var v in Attributes.Values)
        {
            into.Add(v);
        }

        into.Add(Type);
    }
}

/// <summary>One frame of a traceback: its line, function and the node that was running (for the carets).</summary>
internal readonly record struct TracebackEntry(int Line, string Function, Node? At);
