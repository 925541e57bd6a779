using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// What a process is doing during one stretch of its lane. The blocked kinds are the calls that park a
/// process inside multiprocessing: a SemLock's acquire (Lock, RLock, Semaphore: Modules/_multiprocessing/semaphore.c),
/// a Queue's get or a full Queue's put (Lib/multiprocessing/queues.py), a Connection's recv
/// (Lib/multiprocessing/connection.py), an Event's, Condition's or Barrier's wait (synchronize.py) and
/// join() (process.py, which waits on the child's sentinel). In step mode a process also waits for the
/// student: before each operation it asks the runner and blocks until its Next is pressed. A process in
/// time.sleep() waits for no one: it is sleeping, neither running nor blocked.
/// </summary>
public enum LaneActivity
{
    Starting,
    Running,
    Sleeping,
    WaitingForLock,
    WaitingForQueue,
    WaitingForPipe,
    WaitingForEvent,
    WaitingForCondition,
    WaitingForBarrier,
    WaitingForGrant,
    Joining,
    Exited,
}

/// <summary>Which activity an event's kind opens, and how a student reads it.</summary>
public static class LaneActivities
{
    /// <summary>
    /// The wait a blocking event opens (see <see cref="ProcessEventKinds.WaitEndedBy"/>), or null when it
    /// cannot block: a call with block=False returns or raises at once, and a put() on a Queue without a
    /// maxsize never waits for room (the time it takes the first time is its feeder thread starting).
    /// </summary>
    public static LaneActivity? WaitOpenedBy(ProcessEvent e) => e.Kind switch
    {
        _ when e.Text("block") == "false" => null,
        ProcessEventKinds.QueuePutBegun when e.Text("bounded") == "false" => null,
        ProcessEventKinds.LockRequested => LaneActivity.WaitingForLock,
        ProcessEventKinds.QueuePutBegun or ProcessEventKinds.QueueGetBegun => LaneActivity.WaitingForQueue,
        ProcessEventKinds.PipeRecvBegun => LaneActivity.WaitingForPipe,
        ProcessEventKinds.EventWaitBegun => LaneActivity.WaitingForEvent,
        ProcessEventKinds.ConditionWaitBegun => LaneActivity.WaitingForCondition,
        ProcessEventKinds.BarrierWaitBegun => LaneActivity.WaitingForBarrier,
        ProcessEventKinds.StepWait => LaneActivity.WaitingForGrant,
        ProcessEventKinds.SleepBegun => LaneActivity.Sleeping,
        ProcessEventKinds.ProcessJoinBegun => LaneActivity.Joining,
        _ => null,
    };

    public static string Describe(this LaneActivity activity) => activity switch
    {
        LaneActivity.Starting => "starting",
        LaneActivity.Running => "running",
        LaneActivity.Sleeping => "sleeping in time.sleep",
        LaneActivity.WaitingForLock => "blocked on a lock",
        LaneActivity.WaitingForQueue => "blocked on a queue",
        LaneActivity.WaitingForPipe => "blocked on a pipe",
        LaneActivity.WaitingForEvent => "waiting for an event",
        LaneActivity.WaitingForCondition => "waiting on a condition",
        LaneActivity.WaitingForBarrier => "waiting at a barrier",
        LaneActivity.WaitingForGrant => "waiting for you to press Next",
        LaneActivity.Joining => "waiting to join",
        LaneActivity.Exited => "exited",
        _ => activity.ToString(),
    };
}
