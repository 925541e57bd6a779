using System.Net.Sockets;
using Playground.Engines.Processes.Sandbox;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Engines.Processes;

/// <summary>
/// Starts students' multiprocessing scripts: each run gets a scratch directory holding the script and
/// the event socket, and python3 starts inside the sandbox with the instrumentation folder first on
/// PYTHONPATH, so site.py imports our sitecustomize in the parent and in every spawn/forkserver child.
/// </summary>
public sealed class ProcessRunner
{
    private readonly SandboxRunner sandbox;
    private readonly ProcessRunOptions options;
    private readonly Lazy<Task> compiled;

    public ProcessRunner(SandboxRunner sandbox, ProcessRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(options);
        this.sandbox = sandbox;
        this.options = options;
        compiled = new Lazy<Task>(() => InstrumentationBytecode.CompileAsync(sandbox.Capabilities.PythonExecutable,
            Path.GetFullPath(options.InstrumentationDirectory)));
    }

    public async Task<ProcessRun> StartAsync(ProcessRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.StartMethod is { } method && !ProcessRunRequest.StartMethods.Contains(method))
            throw new ArgumentException($"'{method}' is not a start method; use fork, spawn or forkserver.", nameof(request));
        await compiled.Value.WaitAsync(cancellationToken);

        // short path: forkserver's socket and ours must fit AF_UNIX's 108 bytes
        var scratch = Directory.CreateTempSubdirectory("pg-").FullName;
        var script = Path.Combine(scratch, "main.py");
        await File.WriteAllTextAsync(script, request.Source, cancellationToken);
        var socketPath = Path.Combine(scratch, "ev");
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(128);
        var run = new ProcessRun(options, listener, scratch);

        var instrumentation = Path.GetFullPath(options.InstrumentationDirectory);
        var probe = new SandboxRequest([], scratch);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PYTHONPATH"] = instrumentation,
            ["PLAYGROUND_EVENTS"] = sandbox.GuestPath(probe, socketPath),
            ["PLAYGROUND_STEP"] = request.StepMode ? "1" : "0",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        if (request.StartMethod is { } start)
            environment["PLAYGROUND_START_METHOD"] = start;
        var sandboxRequest = probe with
        {
            Arguments = [sandbox.GuestPath(probe, script)],
            Environment = environment,
            ReadOnlyPaths = [instrumentation],
            Limits = request.StepMode ? StepModeLimits() : null,
        };
        try
        {
            run.Begin(await sandbox.StartAsync(sandboxRequest, cancellationToken));
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
        return run;
    }

    private SandboxLimits StepModeLimits()
    {
        var limits = sandbox.Limits;
        if (options.StepModeWallTime > limits.WallTime)
            limits.WallTime = options.StepModeWallTime;
        return limits;
    }
}
