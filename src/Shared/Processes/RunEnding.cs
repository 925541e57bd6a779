namespace Playground.Shared.Processes;

/// <summary>How a run of a multiprocessing script ended; <see cref="RunResult.Summary"/> says it in words.</summary>
public enum RunEnding
{
    Finished,
    TimedOut,
    OutputTruncated,
    KilledByUser,
    Deadlock,
    EventLimit,
    MemoryLimit,
    ProcessLimit,
    CpuTimeLimit,
    Signaled,
}
