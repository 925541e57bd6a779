namespace Playground.Shared.Memory;

/// <summary>
/// One outgoing strong reference of an object, with what holds it, written the way Python reads it:
/// <c>[2]</c> for a list or tuple item, <c>['name']</c> for a dict value (and <see cref="KeyLabel"/> for the
/// key object itself), <c>.attr</c> for an instance attribute (3.11 keeps them inline, so the instance's
/// dict is shown as its attributes, as Python Tutor does), <c>member</c> for a set item,
/// <c>default x</c> for a parameter's default, <c>__class__</c>, <c>__self__</c> and so on.
/// </summary>
public sealed record HeapReference(long TargetId, string Label)
{
    /// <summary>The label of the reference a dict holds to one of its keys.</summary>
    public const string KeyLabel = "key";

    /// <summary>The label of the reference a set holds to one of its members.</summary>
    public const string MemberLabel = "member";

    /// <summary>The label of the reference an instance holds to its class (ob_type, a strong reference for heap types since 3.8).</summary>
    public const string ClassLabel = "__class__";
}
