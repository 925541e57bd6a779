namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// What to run in the sandbox. The environment is exactly <see cref="Sandbox.BaseEnvironment"/> plus
/// <see cref="Environment"/>: the server's own environment never reaches the run.
/// </summary>
/// <param name="Arguments">Arguments after the executable, as seen inside the sandbox (use
/// <see cref="Sandbox.GuestPath"/> for paths of the scratch directory).</param>
/// <param name="ScratchDirectory">A host directory owned by the caller (e.g. the script and the event socket).
/// Inside it is read-only at <see cref="Sandbox.GuestScratchDirectory"/> when the mount namespace is in force;
/// the writable temp dir is a private sized tmpfs at /tmp. Without a mount namespace it is the run's TMPDIR
/// and working directory (owned by the run's uid); keep its path short (under ~60 bytes) so multiprocessing's
/// forkserver socket in it fits AF_UNIX's 108-byte limit. Create sockets in it before the start: the start
/// gives the directory's entries to the run's uid so the run may connect to them.</param>
/// <param name="Executable">The program; null means the python3 the capabilities detected.</param>
/// <param name="Environment">Extra variables (e.g. PYTHONPATH to the instrumentation module).</param>
/// <param name="ReadOnlyPaths">Host paths exposed read-only at the same path (e.g. the instrumentation module's folder).</param>
/// <param name="Limits">Limits of this run; null means the sandbox's configured limits.</param>
public sealed record SandboxRequest(
    IReadOnlyList<string> Arguments,
    string ScratchDirectory,
    string? Executable = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    IReadOnlyList<string>? ReadOnlyPaths = null,
    SandboxLimits? Limits = null);
