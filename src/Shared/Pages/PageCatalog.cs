namespace Playground.Shared.Pages;

/// <summary>
/// The nine pages, in the order the navigation drawer shows them. Keys double as the
/// <c>page:</c> header of built-in scenario files and the page of a shared scenario.
/// </summary>
public static class PageCatalog
{
    public static readonly PlaygroundPage RefCount = new(
        "memory/refcount", "/memory/refcount", "Reference counting", PlaygroundModule.Memory,
        "Every object counts who points at it.",
        "Every CPython object starts with a reference count (ob_refcnt). Binding a name, storing the object in a " +
        "list or passing it to a function adds one; rebinding, deleting or returning takes one away. When the " +
        "count reaches zero the object is freed at once, and everything it referred to loses a reference in turn.");

    public static readonly PlaygroundPage GarbageCollector = new(
        "memory/gc", "/memory/gc", "Garbage collector", PlaygroundModule.Memory,
        "Cycles that reference counting cannot free.",
        "Two objects that refer to each other never reach a count of zero, even when nothing else can reach " +
        "them. CPython's cyclic collector (Modules/gcmodule.c) tracks containers in three generations, and when " +
        "a generation's count crosses its threshold it subtracts the references objects hold on each other: what " +
        "is left with no outside reference is unreachable, and is freed.");

    public static readonly PlaygroundPage MemoryPools = new(
        "memory/pools", "/memory/pools", "Memory pools", PlaygroundModule.Memory,
        "pymalloc: arenas, pools and blocks.",
        "Small objects (up to 512 bytes) do not come from malloc one by one. pymalloc (Objects/obmalloc.c) takes " +
        "1 MiB arenas from the system, cuts them into 16 KiB pools, and each pool into blocks of one size class. " +
        "Freed blocks go back to their pool, pools to their arena, and an arena whose pools are all free goes " +
        "back to the system.");

    public static readonly PlaygroundPage Processes = new(
        "processes", "/processes", "Processes", PlaygroundModule.Processes,
        "Start, run and join real worker processes.",
        "multiprocessing.Process runs a function in a separate Python interpreter with its own memory. start() " +
        "creates the process with the chosen start method (fork, spawn or forkserver), join() waits for it to " +
        "end, and exitcode tells how it ended. The order in which workers run is the operating system's choice.");

    public static readonly PlaygroundPage QueuesAndPipes = new(
        "processes/queues", "/processes/queues", "Queues & Pipes", PlaygroundModule.Processes,
        "Pass messages between processes.",
        "Processes share no memory by default, so they talk by passing messages. A Pipe connects two ends; a " +
        "Queue lets many producers and consumers exchange objects. Every message is pickled on one side and " +
        "unpickled on the other, and get() blocks until something arrives.");

    public static readonly PlaygroundPage SharedMemory = new(
        "processes/shared", "/processes/shared", "Shared memory", PlaygroundModule.Processes,
        "Value and Array in shared memory.",
        "Value and Array place a C value or array in memory that every process can see. counter.value += 1 is a " +
        "read, an add and a write: two processes doing it at once can both read the same old value and lose an " +
        "update, unless they hold the value's lock.");

    public static readonly PlaygroundPage LocksAndSemaphores = new(
        "processes/locks", "/processes/locks", "Locks & Semaphores", PlaygroundModule.Processes,
        "Take turns, and avoid deadlock.",
        "A Lock lets one process at a time into a critical section; a Semaphore lets up to N. A process that asks " +
        "for a lock another holds is blocked until it is released. Two processes that each hold one lock and wait " +
        "for the other's are deadlocked: neither can ever go on.");

    public static readonly PlaygroundPage EventsAndConditions = new(
        "processes/events", "/processes/events", "Events & Conditions", PlaygroundModule.Processes,
        "Wait for a signal from another process.",
        "An Event is a flag: wait() blocks until some process calls set(). A Condition pairs a lock with a waiting " +
        "room: a consumer waits while there is nothing to do, and a producer notifies it when there is. A Barrier " +
        "holds every party until the last one arrives.");

    public static readonly PlaygroundPage Pools = new(
        "processes/pools", "/processes/pools", "Pools", PlaygroundModule.Processes,
        "Hand tasks to a pool of workers.",
        "A Pool starts a fixed number of worker processes and hands them tasks: map() splits an iterable into " +
        "chunks, sends each chunk to a free worker and gathers the results in order. chunksize trades fewer " +
        "messages against a less even spread of the work.");

    public static IReadOnlyList<PlaygroundPage> All { get; } =
    [
        RefCount, GarbageCollector, MemoryPools,
        Processes, QueuesAndPipes, SharedMemory, LocksAndSemaphores, EventsAndConditions, Pools,
    ];

    /// <summary>The page with this key, or null when no page has it.</summary>
    public static PlaygroundPage? Find(string? key) =>
        All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    public static IEnumerable<PlaygroundPage> InModule(PlaygroundModule module) => All.Where(p => p.Module == module);
}
