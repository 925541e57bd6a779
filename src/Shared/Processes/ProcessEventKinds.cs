namespace Playground.Shared.Processes;

/// <summary>
/// The kinds of event a run reports, and the fields each must carry. An event of another kind, or
/// without its fields, is dropped by the runner and counted.
/// </summary>
public static class ProcessEventKinds
{
    /// <summary>A process began running Python: the parent when the script starts, a worker in BaseProcess._bootstrap.</summary>
    public const string ProcessRun = "process.run";

    /// <summary>The parent's start() returned: the child's pid, name, start method and how long start() took.</summary>
    public const string ProcessStart = "process.start";

    /// <summary>A worker finished: the exit code its _bootstrap returned.</summary>
    public const string ProcessExit = "process.exit";

    /// <summary>A line written to stdout or stderr, by the process that wrote it.</summary>
    public const string Output = "output";

    public const string QueuePut = "queue.put";
    public const string QueueGetWait = "queue.get.wait";
    public const string QueueGet = "queue.get";

    public const string LockAcquire = "lock.acquire";
    public const string LockAcquired = "lock.acquired";
    public const string LockReleased = "lock.released";
    public const string LockTimeout = "lock.timeout";

    public static IReadOnlyDictionary<string, string[]> RequiredFields { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ProcessRun] = ["parent"],
        [ProcessStart] = ["child", "childName", "startMethod", "startSeconds"],
        [ProcessExit] = ["exitcode"],
        [Output] = ["stream", "text"],
        [QueuePut] = ["queue", "bytes", "value"],
        [QueueGetWait] = ["queue"],
        [QueueGet] = ["queue", "bytes", "value"],
        [LockAcquire] = ["lock", "lockType"],
        [LockAcquired] = ["lock", "lockType"],
        [LockReleased] = ["lock", "lockType"],
        [LockTimeout] = ["lock", "lockType"],
    };
}
