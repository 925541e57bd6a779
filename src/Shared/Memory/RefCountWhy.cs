namespace Playground.Shared.Memory;

/// <summary>
/// Why a reference count moved, in the terms of the bytecode that moved it: LOAD_* pushing a new
/// reference (<see cref="Temporary"/>), STORE_NAME handing it to a name, STORE_SUBSCR to a container, a
/// call binding its arguments, a frame's locals released on return, tp_clear breaking a cycle. The
/// memory engine records it with the name or container and the line; the pages put it in words.
/// </summary>
public enum RefCountWhy
{
    Temporary,
    BoundToName,
    NameRebound,
    NameDeleted,
    StoredInContainer,
    RemovedFromContainer,
    ContainerFreed,
    Argument,
    Parameter,
    FrameReturned,
    Attribute,
    TypeOfInstance,
    HeldByIterator,
    HeldByBoundMethod,
    HeldByWeakref,
    BaseClass,
    Constant,
    GcClear,

    /// <summary>A finalizer (__del__) stored a new reference to its object: the collector must not free it.</summary>
    Resurrected,

    /// <summary>
    /// The script has ended and the interpreter shuts down: __main__'s names let go of their objects
    /// (finalize_modules in Python/pylifecycle.c). Not a del, though it reads like one: no line did it.
    /// </summary>
    InterpreterExit,

    /// <summary>
    /// The collector holds the object while it runs its __del__ or its tp_clear, so that the object
    /// cannot be freed under it (finalize_garbage and delete_garbage in Modules/gcmodule.c).
    /// </summary>
    HeldByCollector,

    /// <summary>
    /// A class's own structures refer back to it (type_new in Objects/typeobject.c): its __mro__, a tuple
    /// that starts with the class, and the __dict__ and __weakref__ descriptors it makes for its
    /// instances, each of which holds its class. <c>detail</c> names which.
    /// </summary>
    HeldByOwnClass,

    /// <summary>A subclass's __bases__ or __mro__ tuple holds the class; <c>detail</c> says which (<c>B.__mro__</c>).</summary>
    HeldBySubclass,

    /// <summary>
    /// The exception an except block is handling: PUSH_EXC_INFO keeps it as the thread's exc_info (what
    /// sys.exc_info() returns) until POP_EXCEPT at the block's end, named or not. <c>detail</c> names the
    /// clause ("the except clause of line 3").
    /// </summary>
    HandledException,
}

/// <summary>A <see cref="RefCountWhy"/> with its name or container and line, as the engine's trace states it.</summary>
public static class RefCountReasons
{
    /// <param name="detail">The name, container, attribute, frame or callee the reason is about, when it has one.</param>
    /// <param name="function">For <see cref="RefCountWhy.Parameter"/>, the function whose parameter <paramref name="detail"/> is.</param>
    public static string Describe(RefCountWhy why, string? detail, string? function, int line) => why switch
    {
        RefCountWhy.Temporary => "temporary on the evaluation stack",
        RefCountWhy.HeldByCollector => "held by the collector while it calls __del__ or tp_clear",
        RefCountWhy.BoundToName => $"bound to name `{detail}` (line {line})",
        RefCountWhy.NameRebound => $"name `{detail}` rebound (line {line})",
        RefCountWhy.NameDeleted => $"name `{detail}` deleted (line {line})",
        RefCountWhy.StoredInContainer => $"stored in {detail ?? "a container"} (line {line})",
        RefCountWhy.RemovedFromContainer => $"removed from {detail ?? "a container"} (line {line})",
        RefCountWhy.ContainerFreed => detail == null ? "released by an object being freed" : $"released by an object being freed ({detail})",
        RefCountWhy.Argument => $"argument of `{detail}` (line {line})",
        RefCountWhy.Parameter => $"argument `{detail}` of `{function ?? "a call"}` (line {line})",
        RefCountWhy.FrameReturned => $"released when frame `{detail}` returned",
        RefCountWhy.Attribute => $"attribute `{detail}` (line {line})",
        RefCountWhy.TypeOfInstance => "an instance holds its class",
        RefCountWhy.HeldByIterator => "held by an iterator",
        RefCountWhy.HeldByBoundMethod => "held by a bound method",
        RefCountWhy.HeldByWeakref => "callback held by a weakref",
        RefCountWhy.BaseClass => "base class of a class",
        RefCountWhy.Constant => "constant of the code object",
        RefCountWhy.GcClear => "cleared by the cyclic GC (tp_clear)",
        RefCountWhy.Resurrected => "resurrected by __del__",
        RefCountWhy.InterpreterExit => $"name `{detail}` released as the interpreter exits (after line {line})",
        RefCountWhy.HeldByOwnClass => $"the class's own {detail ?? "__mro__"} refers to it",
        RefCountWhy.HeldBySubclass => $"held by {detail ?? "a subclass"}",
        RefCountWhy.HandledException => $"the exception being handled by {detail ?? "an except clause"} (sys.exc_info())",
        _ => why.ToString(),
    };
}
