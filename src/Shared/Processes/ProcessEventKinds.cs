namespace Playground.Shared.Processes;

/// <summary>
/// The kinds the instrumentation module sends. A <c>*.begun</c> / <c>*.requested</c> kind opens a wait
/// (the process is blocked inside multiprocessing) that the matching done kind closes.
/// </summary>
public static class ProcessEventKinds
{
    public const string ProcessRun = "process.run";
    public const string ProcessStart = "process.start";
    public const string ProcessExit = "process.exit";
    public const string ProcessJoinBegun = "process.join.begun";
    public const string ProcessJoinDone = "process.join.done";

    /// <summary>A thread other than the main one, which had reported events, ended (its events carry <c>thread</c>).</summary>
    public const string ThreadExit = "thread.exit";
    public const string Output = "output";
    public const string QueuePutBegun = "queue.put.begun";
    public const string QueuePut = "queue.put";
    public const string QueueGetBegun = "queue.get.begun";
    public const string QueueGet = "queue.get";
    public const string PipeSend = "pipe.send";
    public const string PipeRecvBegun = "pipe.recv.begun";
    public const string PipeRecv = "pipe.recv";
    public const string LockRequested = "lock.requested";
    public const string LockAcquired = "lock.acquired";
    public const string LockTimeout = "lock.timeout";
    public const string LockReleased = "lock.released";
    public const string ValueRead = "value.read";
    public const string ValueWrite = "value.write";
    public const string ArrayRead = "array.read";
    public const string ArrayWrite = "array.write";
    public const string EventSet = "event.set";
    public const string EventClear = "event.clear";
    public const string EventWaitBegun = "event.wait.begun";
    public const string EventWaitDone = "event.wait.done";
    public const string ConditionWaitBegun = "condition.wait.begun";
    public const string ConditionWaitDone = "condition.wait.done";
    public const string ConditionNotify = "condition.notify";
    public const string ConditionNotifyAll = "condition.notify_all";
    public const string BarrierWaitBegun = "barrier.wait.begun";
    public const string BarrierWaitDone = "barrier.wait.done";
    public const string SharedMemoryCreate = "shared_memory.create";
    public const string SharedMemoryAttach = "shared_memory.attach";
    public const string SharedMemoryClose = "shared_memory.close";
    public const string SharedMemoryUnlink = "shared_memory.unlink";
    public const string PoolMap = "pool.map";
    public const string PoolTaskSubmitted = "pool.task.submitted";
    public const string PoolTaskStarted = "pool.task.started";
    public const string PoolTaskFinished = "pool.task.finished";

    /// <summary>Step mode: the process waits here for <c>Grant(pid)</c> before doing <c>op</c>.</summary>
    public const string StepWait = "step.wait";

    /// <summary>time.sleep() in a process's main thread, and its end: a stretch neither running nor blocked.</summary>
    public const string SleepBegun = "sleep.begun";
    public const string SleepDone = "sleep.done";

    private static readonly Dictionary<string, string> s_known = new string[]
    {
        ProcessRun,
        ProcessStart,
        ProcessExit,
        ProcessJoinBegun,
        ProcessJoinDone,
        ThreadExit,
        Output,
        QueuePutBegun,
        QueuePut,
        QueueGetBegun,
        QueueGet,
        PipeSend,
        PipeRecvBegun,
        PipeRecv,
        LockRequested,
        LockAcquired,
        LockTimeout,
        LockReleased,
        ValueRead,
        ValueWrite,
        ArrayRead,
        ArrayWrite,
        EventSet,
        EventClear,
        EventWaitBegun,
        EventWaitDone,
        ConditionWaitBegun,
        ConditionWaitDone,
        ConditionNotify,
        ConditionNotifyAll,
        BarrierWaitBegun,
        BarrierWaitDone,
        SharedMemoryCreate,
        SharedMemoryAttach,
        SharedMemoryClose,
        SharedMemoryUnlink,
        PoolMap,
        PoolTaskSubmitted,
        PoolTaskStarted,
        PoolTaskFinished,
        StepWait,
        SleepBegun,
        SleepDone,
    }.ToDictionary(k => k, StringComparer.Ordinal);

    /// <summary>
    /// The constant for <paramref name="kind"/> when it is one of these (the very string), else the kind
    /// itself. A batch read off the hub spells its kinds anew; given back as the constants, every
    /// <c>e.Kind == ProcessEventKinds.X</c> of the pages that fold a hundred thousand events is settled
    /// by reference, without comparing characters.
    /// </summary>
    public static string Known(string kind) => s_known.GetValueOrDefault(kind, kind);

    /// <summary>The kind that ends the wait a blocking kind opened, or null when <paramref name="kind"/> does not block.</summary>
    public static string? WaitEndedBy(string kind) => kind switch
    {
        LockRequested => LockAcquired,
        QueuePutBegun => QueuePut,
        QueueGetBegun => QueueGet,
        PipeRecvBegun => PipeRecv,
        EventWaitBegun => EventWaitDone,
        ConditionWaitBegun => ConditionWaitDone,
        BarrierWaitBegun => BarrierWaitDone,
        ProcessJoinBegun => ProcessJoinDone,
        _ => null,
    };
}
