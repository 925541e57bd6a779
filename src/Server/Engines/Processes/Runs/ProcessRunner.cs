using System.Net.Sockets;
using Playground.Engines.Processes.Sandbox;
using Playground.Shared.Processes;
using SandboxRunner = Playground.Engines.Processes.Sandbox.Sandbox;

namespace Playground.Engines.Processes.Runs;

/// <summary>
/// Runs a student's multiprocessing script in real python3 processes inside the sandbox, with the
/// instrumentation module loaded into every one of them (Instrumentation/sitecustomize.py on PYTHONPATH).
/// Each process reports on its own connection to a Unix socket in the run's scratch directory, never on
/// stdout, so what the student prints and what the playground measures cannot be confused.
/// </summary>
public sealed class ProcessRunner(SandboxRunner sandbox, ProcessRunOptions options)
{
    /// <summary>The folder holding sitecustomize.py and playground_instrument.py, beside the engine's assembly.</summary>
    public static string InstrumentationDirectory { get; } =
        Path.Combine(Path.GetDirectoryName(typeof(ProcessRunner).Assembly.Location)!, "Instrumentation");

    public const string ScriptName = "main.py";
    public const string SocketName = "events.sock";

    public SandboxRunner Sandbox => sandbox;

    /// <summary>Starts the script; its events arrive on <see cref="ProcessRun.Events"/> as the processes run.</summary>
    public async Task<ProcessRun> StartAsync(string script, string? startMethod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        // A short path: multiprocessing's and our AF_UNIX sockets must fit in sun_path's 108 bytes.
        var scratch = Directory.CreateTempSubdirectory("pg-").FullName;
        Socket? listener = null;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(scratch, ScriptName), script, cancellationToken);
            var socketPath = Path.Combine(scratch, SocketName);
            listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(options.MaxConnections);

            var request = new SandboxRequest([], scratch, ReadOnlyPaths: [InstrumentationDirectory]);
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PYTHONPATH"] = InstrumentationDirectory,
                ["PLAYGROUND_EVENTS"] = sandbox.GuestPath(request, socketPath),
                ["PYTHONUNBUFFERED"] = "1",
            };
            if (startMethod is { Length: > 0 })
            {
                environment["PLAYGROUND_START_METHOD"] = startMethod;
            }

            request = request with
            {
                Arguments = [sandbox.GuestPath(request, Path.Combine(scratch, ScriptName))],
                Environment = environment,
            };
            var process = await sandbox.StartAsync(request, cancellationToken);
            return new ProcessRun(process, listener, scratch, options);
        }
        catch
        {
            listener?.Dispose();
            TryDelete(scratch);
            throw;
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
