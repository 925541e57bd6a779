using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory.Gc;

/// <summary>
/// What each phase of gc_collect_main does, for a student, with the function of Modules/gcmodule.c
/// (CPython 3.11) that does it, so the page can be read side by side with the source.
/// </summary>
public static class GcPhaseText
{
    public static string Title(GcPhase phase) => phase switch
    {
        GcPhase.UpdateRefs => "Copy the counts",
        GcPhase.SubtractRefs => "Subtract inside references",
        GcPhase.MoveUnreachable => "Find what is reachable",
        GcPhase.Weakrefs => "Clear weak references",
        GcPhase.Finalizers => "Call finalizers",
        GcPhase.ResurrectionCheck => "Check for resurrection",
        GcPhase.DeleteGarbage => "Delete the garbage",
        _ => phase.ToString(),
    };

    /// <summary>The function in Modules/gcmodule.c.</summary>
    public static string Function(GcPhase phase) => phase switch
    {
        GcPhase.UpdateRefs => "update_refs()",
        GcPhase.SubtractRefs => "subtract_refs()",
        GcPhase.MoveUnreachable => "move_unreachable()",
        GcPhase.Weakrefs => "handle_weakrefs()",
        GcPhase.Finalizers => "finalize_garbage()",
        GcPhase.ResurrectionCheck => "handle_resurrected_objects()",
        GcPhase.DeleteGarbage => "delete_garbage()",
        _ => string.Empty,
    };

    public static string Explanation(GcPhase phase) => phase switch
    {
        GcPhase.UpdateRefs =>
            "Every object of the generations being collected gets a second counter, gc_refs, set to its reference count. The real count is never touched.",
        GcPhase.SubtractRefs =>
            "For every reference from one of these objects to another, the target's gc_refs goes down by one. What is left counts references from outside the generation: names, the stack, older objects.",
        GcPhase.MoveUnreachable =>
            "Objects with gc_refs above zero are reachable, and so is everything they refer to. Objects still at zero that nothing reachable refers to are moved to the unreachable list; the survivors move on to the next generation.",
        GcPhase.Weakrefs =>
            "Weak references to unreachable objects are cleared, so ref() returns None from now on, and the callbacks of weak references that are not garbage themselves are called.",
        GcPhase.Finalizers =>
            "__del__ is called once on each unreachable object that defines it (PEP 442). A finalizer is ordinary Python code and may store a reference to its object somewhere reachable.",
        GcPhase.ResurrectionCheck =>
            "Because finalizers ran, the counting is done again on the unreachable objects alone: any that is now referenced from outside was resurrected and survives.",
        GcPhase.DeleteGarbage =>
            "tp_clear is called on each object that is still garbage: it drops the object's references, the cycle's counts fall to zero, and reference counting frees the objects.",
        _ => string.Empty,
    };

    public static string StatusLabel(GcObjectStatus status, int survivorGeneration) => status switch
    {
        GcObjectStatus.Examined => "examined",
        GcObjectStatus.Reachable => "reachable",
        GcObjectStatus.TentativelyUnreachable => "tentatively unreachable",
        GcObjectStatus.Unreachable => "unreachable",
        GcObjectStatus.Resurrected => "resurrected",
        GcObjectStatus.Freed => "freed",
        GcObjectStatus.Promoted => survivorGeneration == 2 ? "survives in generation 2" : $"promoted to generation {survivorGeneration}",
        _ => status.ToString(),
    };

    /// <summary>The CSS class a card of this status wears (GcObjectCard.razor.css).</summary>
    public static string StatusClass(GcObjectStatus status) => status switch
    {
        GcObjectStatus.TentativelyUnreachable => "tentative",
        _ => status.ToString().ToLowerInvariant(),
    };
}
