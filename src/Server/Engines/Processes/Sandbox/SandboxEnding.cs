namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// How a run ended, the first cause that applies in this order: the runner's own stops (output, wall
/// time, a caller's kill), then the limits the kernel enforced (memory, processes, CPU), then the exit.
/// </summary>
public enum SandboxEnding
{
    /// <summary>The main process exited by itself (its exit code is in the report).</summary>
    Exited,

    /// <summary>The main process died of a signal nobody in the runner sent.</summary>
    Signaled,

    /// <summary>The run was still alive at the wall-time limit and was killed.</summary>
    TimedOut,

    /// <summary>The run hit its memory limit (cgroup OOM kill or MemoryError under RLIMIT_AS).</summary>
    MemoryLimit,

    /// <summary>A fork failed because the run reached its process limit.</summary>
    ProcessLimit,

    /// <summary>A process reached its CPU-seconds limit (SIGXCPU / SIGKILL).</summary>
    CpuTimeLimit,

    /// <summary>The run wrote more than its output limit and was stopped.</summary>
    OutputTruncated,

    /// <summary>The caller killed the run (see <see cref="SandboxKillReason"/>).</summary>
    Killed,
}

/// <summary>Why the caller killed a run; the sandbox puts it into words in the report.</summary>
public enum SandboxKillReason
{
    /// <summary>A person stopped the run (or closed its page).</summary>
    KilledByUser,

    /// <summary>The process engine detected a deadlock.</summary>
    Deadlock,

    /// <summary>The run sent more events than allowed.</summary>
    EventLimit,

    /// <summary>The server is shutting down.</summary>
    Shutdown,
}
