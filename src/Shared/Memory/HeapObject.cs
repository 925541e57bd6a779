namespace Playground.Shared.Memory;

/// <summary>
/// One object as a viewer draws it. <see cref="SharedByInterpreter"/> marks objects whose real count depends
/// on the interpreter's own state (small ints, interned strings, None/True/False, classes, functions, modules):
/// their <see cref="RefCount"/> is the simulator's count of the student's references only.
/// <see cref="Generation"/> is -1 for objects the cyclic GC does not track.
/// </summary>
public sealed record HeapObject(
    long Id,
    string Type,
    string Repr,
    int Size,
    long RefCount,
    bool SharedByInterpreter,
    int Generation,
    IReadOnlyList<long> Referents,
    ulong Address)
{
    /// <summary>The outgoing references with the label that holds each (see <see cref="HeapReference"/>).</summary>
    public IReadOnlyList<HeapReference> References { get; init; } = [];

    // The words below read the forms the memory engine describes objects in (TraceRecorder.SafeRepr):
    // a value ("1000", "'abc'"), a type and a count ("list of 3"), "Node object", an instance of a
    // script's class by its attributes ("Node(name='a', other=<Node>)"), or a class ("class Node").

    /// <summary>
    /// The object in words with its type once: "int 1000", "str 'abc'", and the repr alone when it names
    /// its type already ("list of 3", "Node object", "Node(name='a')").
    /// </summary>
    public string Describe() => Describe(Type, Repr);

    /// <inheritdoc cref="Describe()"/>
    public static string Describe(string type, string repr) => NamesType(type, repr) || IsClass(type, repr) ? repr : $"{type} {repr}";

    /// <summary>A class, which the engine writes "class Node": that says its type already.</summary>
    private static bool IsClass(string type, string repr) => type == "type" && repr.StartsWith("class ", StringComparison.Ordinal);

    /// <summary>An instance of one of the script's classes ("Node object", or "Node(...)" with its attributes).</summary>
    public bool IsInstance => Repr == Type + " object" || WithAttributes(Type, Repr);

    /// <summary>
    /// What a card under the type's heading writes as the value: an instance's attributes without its
    /// class's name ("name='a', other=&lt;Node&gt;" for <c>Node(name='a', other=&lt;Node&gt;)</c>), else the repr.
    /// </summary>
    public string ValueText => ValueTextOf(Type, Repr);

    /// <inheritdoc cref="ValueText"/>
    public static string ValueTextOf(string type, string repr) => WithAttributes(type, repr) ? repr[(type.Length + 1)..^1] : repr;

    /// <summary>The value after the type written beside it, the type not said twice: "of 3" after "list", "name='a'" after "Node", "1000" after "int".</summary>
    public string ValueAfterType =>
        WithAttributes(Type, Repr) ? ValueText
        : NamesType(Type, Repr) && Repr.Length > Type.Length + 1 ? Repr[(Type.Length + 1)..] : Repr;

    private static bool NamesType(string type, string repr) =>
        repr.StartsWith(type, StringComparison.Ordinal) && (repr.Length == type.Length || repr[type.Length] is ' ' or '(');

    private static bool WithAttributes(string type, string repr) =>
        repr.Length > type.Length + 1 && repr.StartsWith(type, StringComparison.Ordinal) && repr[type.Length] == '(' && repr[^1] == ')';
}

/// <summary>
/// A reference count moved by <see cref="Delta"/> to <see cref="RefCount"/>, because of <see cref="Why"/>
/// (with the name, container or callee it is about in <see cref="Detail"/>, the parameter's function in
/// <see cref="Function"/>, on <see cref="Line"/>); <see cref="Reason"/> states it in words.
/// </summary>
public sealed record RefCountChange(long ObjectId, int Delta, long RefCount, RefCountWhy Why, string? Detail = null, int Line = 0, string? Function = null)
{
    public string Reason => RefCountReasons.Describe(Why, Detail, Function, Line);
}

/// <summary>An object was deallocated (its count reached zero, or the cyclic GC deleted it).</summary>
public sealed record ObjectFreed(long ObjectId, string Type, string Reason);
