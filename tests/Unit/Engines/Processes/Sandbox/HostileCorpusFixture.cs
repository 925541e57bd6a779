using System.Net;
using System.Net.Sockets;
using Playground.Engines.Processes.Sandbox;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes.Sandbox;

/// <summary>
/// Runs the whole hostile corpus once, several scripts at a time, so the test class costs the longest
/// wall limit and not the sum of all. Each test then reads its script's finished run.
/// </summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    /// <summary>A value in the test host's environment that no run may ever see.</summary>
    public const string SecretVariable = "PLAYGROUND_TEST_SECRET";
    public const string SecretValue = "canary-7f3a9c1e";

    private const int Concurrency = 4;
    private readonly SandboxFixture _sandbox = new();
    private readonly Dictionary<string, Task<SandboxRun>> _runs = new(StringComparer.Ordinal);

    public TcpListener Listener { get; } = new(IPAddress.Loopback, 0);

    public SandboxFixture Sandbox => _sandbox;

    public int ListenerPort => ((IPEndPoint)Listener.LocalEndpoint).Port;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(SecretVariable, SecretValue);
        Listener.Start();
        await _sandbox.InitializeAsync();
        using var gate = new SemaphoreSlim(Concurrency);
        foreach (var (script, limits, arguments) in Corpus())
            _runs[script] = RunGatedAsync(gate, script, limits, arguments);
        await Task.WhenAll(_runs.Values);
    }

    public async Task DisposeAsync()
    {
        Listener.Stop();
        Listener.Dispose();
        await _sandbox.DisposeAsync();
    }

    public Task<SandboxRun> Run(string script) => _runs[script];

    public IReadOnlyCollection<Task<SandboxRun>> AllRuns => _runs.Values;

    public int Count => _runs.Count;

    private async Task<SandboxRun> RunGatedAsync(SemaphoreSlim gate, string script, SandboxLimits limits, string[] arguments)
    {
        await gate.WaitAsync();
        try
        {
            return await _sandbox.RunScriptAsync("Hostile", script, limits, arguments);
        }
        finally
        {
            gate.Release();
        }
    }

    private IEnumerable<(string Script, SandboxLimits Limits, string[] Arguments)> Corpus()
    {
        static SandboxLimits With(Action<SandboxLimits> change)
        {
            // The wall time is only a backstop for scripts that end by themselves: the machine may be busy.
            var limits = new SandboxLimits { WallTime = TimeSpan.FromSeconds(20), CpuSeconds = 3, OutputBytes = 256 * 1024 };
            change(limits);
            return limits;
        }

        yield return ("fork_bomb.py", With(l => l.MaxProcesses = 32), []);
        yield return ("fork_bomb_exponential.py", With(l => { l.MaxProcesses = 32; l.WallTime = TimeSpan.FromSeconds(6); }), []);
        yield return ("pool_too_big.py", With(l => { l.MaxProcesses = 24; }), []);
        yield return ("memory_hog.py", With(l => l.MemoryBytes = 128L * 1024 * 1024), []);
        yield return ("endless_loop.py", With(l => { l.CpuSeconds = 1; }), []);
        yield return ("sleep_forever.py", With(l => l.WallTime = TimeSpan.FromSeconds(3)), []);
        yield return ("read_shadow.py", With(_ => { }), []);
        yield return ("read_root.py", With(_ => { }), []);
        yield return ("read_server_files.py", With(_ => { }), [AppContext.BaseDirectory]);
        yield return ("read_environment.py", With(_ => { }), []);
        yield return ("other_processes.py", With(_ => { }), []);
        yield return ("write_outside.py", With(_ => { }), [_sandbox.Sandbox.UsesMountNamespace ? Playground.Engines.Processes.Sandbox.Sandbox.GuestScratchDirectory : "/nonexistent"]);
        yield return ("network.py", With(_ => { }), [ListenerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        yield return ("kill_parent.py", With(_ => { }), []);
        yield return ("setsid_daemon.py", With(_ => { }), []);
        yield return ("sigterm_ignoring_children.py", With(_ => { }), []);
        yield return ("output_flood.py", With(l => l.OutputBytes = 64 * 1024), []);
        yield return ("shm_fill.py", With(l => l.SharedMemoryBytes = 8L * 1024 * 1024), []);
        yield return ("disk_fill.py", With(l => { l.FileSizeBytes = 2L * 1024 * 1024; l.TempBytes = 8L * 1024 * 1024; }), []);
        yield return ("too_many_files.py", With(l => l.OpenFiles = 64), []);
        yield return ("become_root.py", With(_ => { }), []);
    }
}
