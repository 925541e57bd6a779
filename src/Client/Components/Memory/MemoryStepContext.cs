using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory;

/// <summary>
/// What a memory page's own view gets for the step on screen: the whole trace (for views across steps,
/// such as the collections on the timeline), the step's view, and a way to move to another step.
/// <see cref="ViewAhead"/>, when the run offers it, makes the view of another step on a cursor of its
/// own, while the page is idle: going to that step next shows that very view, with what a page made from
/// it ahead (its graph's model and drawing), instead of moving the page's cursor and making it all then.
/// </summary>
public sealed record MemoryStepContext(MemoryTrace Trace, MemoryStepView View, Func<int, Task> GoToStepAsync, Func<int, MemoryStepView>? ViewAhead = null);
