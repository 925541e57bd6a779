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
