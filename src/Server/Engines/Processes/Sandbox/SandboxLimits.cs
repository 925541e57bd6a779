namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// The limits of one sandboxed run, bound from configuration (section "Sandbox") with the defaults here.
/// Each limit is enforced by every layer that can: the cgroup (whole run) where writable, the rlimits
/// (per process) always, and the runner's clock and output counter.
/// </summary>
public sealed class SandboxLimits
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Sandbox";

    /// <summary>
    /// Tasks (processes and threads) of the run. A <c>Pool(16)</c> needs 16 workers, the parent with its three
    /// pool handler threads and a queue feeder thread, plus the resource tracker and the forkserver
    /// (Lib/multiprocessing/resource_tracker.py, forkserver.py): about 25. 96 leaves room for a Manager and
    /// a few threads, and stops a fork bomb long before it hurts the machine.
    /// </summary>
    public int MaxProcesses { get; set; } = 96;

    /// <summary>Memory of the whole run (cgroup memory limit, including its tmpfs /tmp and /dev/shm).</summary>
    public long MemoryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Address space of each process (RLIMIT_AS). Larger than <see cref="MemoryBytes"/> so that, where the
    /// cgroup exists, a hog meets the cgroup first; where it does not, this is the only memory limit.
    /// </summary>
    public long AddressSpaceBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>CPU seconds of each process (RLIMIT_CPU: SIGXCPU at the limit, SIGKILL one second later).</summary>
    public int CpuSeconds { get; set; } = 8;

    /// <summary>CPU bandwidth of the whole run in cores (cgroup cpu quota).</summary>
    public double CpuCores { get; set; } = 2.0;

    /// <summary>
    /// Niceness of the run's processes (nice(1): 0 is the server's own priority, 19 the lowest): a task at
    /// nice 10 weighs about a tenth of one at nice 0 (kernel/sched/fair.c). It orders the tasks that share a
    /// scheduling group with the run's processes, and only those: a run with a cpu cgroup of its own, or a
    /// session of its own under autogroup (setsid, bwrap's --new-session), is one entity beside the server,
    /// weighed as a task at nice 0 whatever the niceness inside. Giving that group the weight of nice 10
    /// as well was measured (ProcessPageBench, server, runs and browser on two cores): the run took three
    /// times as long and the page drew no smoother, so the group keeps its default weight.
    /// </summary>
    public int Nice { get; set; } = 10;

    /// <summary>Wall time of the run, from start to the kill of the whole tree.</summary>
    public TimeSpan WallTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest file a process may write (RLIMIT_FSIZE: SIGXFSZ, or EFBIG when ignored).</summary>
    public long FileSizeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Open files per process (RLIMIT_NOFILE). A Pool(16) parent holds about 70 descriptors.</summary>
    public int OpenFiles { get; set; } = 256;

    /// <summary>Bytes of stdout plus stderr delivered before the run is stopped as "output truncated".</summary>
    public long OutputBytes { get; set; } = 1024L * 1024;

    /// <summary>Size of the private /dev/shm (POSIX semaphores and shared_memory live there).</summary>
    public long SharedMemoryBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Size of the private writable /tmp.</summary>
    public long TempBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Longest output line delivered as one line; longer lines are split.</summary>
    public int MaxLineLength { get; set; } = 16 * 1024;

    /// <summary>Throws when a limit cannot work (called at start-up by the options validation).</summary>
    public void Validate()
    {
        if (MaxProcesses < 4)
            throw new ArgumentOutOfRangeException(nameof(MaxProcesses), MaxProcesses, "The sandbox needs room for at least 4 processes.");
        if (MemoryBytes < 32L * 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MemoryBytes), MemoryBytes, "python3 needs at least 32 MiB.");
        if (AddressSpaceBytes < MemoryBytes)
            throw new ArgumentOutOfRangeException(nameof(AddressSpaceBytes), AddressSpaceBytes, "The address space limit must not be below the memory limit.");
        if (CpuSeconds < 1)
            throw new ArgumentOutOfRangeException(nameof(CpuSeconds), CpuSeconds, "The CPU limit is at least one second.");
        if (CpuCores <= 0)
            throw new ArgumentOutOfRangeException(nameof(CpuCores), CpuCores, "The CPU bandwidth must be positive.");
        if (Nice is < 0 or > 19)
            throw new ArgumentOutOfRangeException(nameof(Nice), Nice, "The niceness is from 0 (the server's) to 19 (the lowest).");
        if (WallTime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(WallTime), WallTime, "The wall time must be positive.");
        if (FileSizeBytes < 1 || OpenFiles < 16 || OutputBytes < 1 || SharedMemoryBytes < 1024 * 1024 || TempBytes < 1024 * 1024 || MaxLineLength < 80)
            throw new ArgumentException("A sandbox limit is too small to run python3.");
    }

    /// <summary>A copy, so a run can shorten its own limits without touching the shared options.</summary>
    public SandboxLimits Clone() => (SandboxLimits)MemberwiseClone();
}
