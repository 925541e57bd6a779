namespace Playground.Engines.Memory.Runtime;

/// <summary>Why a reference count moved; <see cref="Reasons"/> turns it into the words a student reads.</summary>
internal enum Why
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
}

internal static class Reasons
{
    /// <summary>The detail of <see cref="Why.Parameter"/>: "argument `x` of `f`" once described.</summary>
    public static string ParameterOf(string parameter, string function) => $"{parameter}` of `{function}";

    public static string Describe(Why why, string? detail, int line) => why switch
    {
        Why.Temporary => "temporary on the evaluation stack",
        Why.BoundToName => $"bound to name `{detail}` (line {line})",
        Why.NameRebound => $"name `{detail}` rebound (line {line})",
        Why.NameDeleted => $"name `{detail}` deleted (line {line})",
        Why.StoredInContainer => $"stored in {detail ?? "a container"} (line {line})",
        Why.RemovedFromContainer => $"removed from {detail ?? "a container"} (line {line})",
        Why.ContainerFreed => detail == null ? "released by an object being freed" : $"released by an object being freed ({detail})",
        Why.Argument => $"argument of `{detail}` (line {line})",
        Why.Parameter => $"argument `{detail}` (line {line})",
        Why.FrameReturned => $"released when frame `{detail}` returned",
        Why.Attribute => $"attribute `{detail}` (line {line})",
        Why.TypeOfInstance => "an instance holds its class",
        Why.HeldByIterator => "held by an iterator",
        Why.HeldByBoundMethod => "held by a bound method",
        Why.HeldByWeakref => "callback held by a weakref",
        Why.BaseClass => "base class of a class",
        Why.Constant => "constant of the code object",
        Why.GcClear => "cleared by the cyclic GC (tp_clear)",
        _ => why.ToString(),
    };
}
