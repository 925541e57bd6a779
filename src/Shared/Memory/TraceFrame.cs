namespace Playground.Shared.Memory;

/// <summary>
/// One frame of the call stack after a step: the module's frame first, then each call in the order it was
/// made. <see cref="Bindings"/> are the names bound in it (a function's fast locals in co_varnames order,
/// the module's globals in the order they were bound), each with the object it refers to. Since 3.11 a
/// frame is an _PyInterpreterFrame on the thread's data stack (Include/internal/pycore_frame.h), not an
/// object, so it has no id and no reference count of its own; its locals are strong references.
/// </summary>
public sealed record TraceFrame(string Function, IReadOnlyList<FrameBinding> Bindings);

/// <summary>A name bound in a frame and the id of the object it refers to.</summary>
public sealed record FrameBinding(string Name, long ObjectId);
