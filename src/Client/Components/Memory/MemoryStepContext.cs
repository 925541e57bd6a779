using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory;

/// <summary>
/// What a memory page's own view gets for the step on screen: the whole trace (for views across steps,
/// such as the collections on the timeline), the step's view, and a way to move to another step.
/// </summary>
public sealed record MemoryStepContext(MemoryTrace Trace, MemoryStepView View, Func<int, Task> GoToStepAsync);
