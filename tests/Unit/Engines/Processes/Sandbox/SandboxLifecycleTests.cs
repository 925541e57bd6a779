using System.Net.Sockets;
using System.Text;
using Playground.Engines.Processes.Sandbox;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes.Sandbox;

/// <summary>
/// The run's life as the process engine uses it: a caller's kill, the event socket in the scratch
/// directory, and the weaker layers a machine without namespaces or cgroups falls back to.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxLifecycleTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Killing_a_run_ends_every_process_and_says_killed_by_the_user()
    {
        var request = fixture.Prepare("Scripts", "sleeper_with_children.py");
        await using var process = await fixture.Sandbox.StartAsync(request, CancellationToken.None);
        var first = await process.Output.ReadAsync();
        Assert.Equal("started", first.Text);

        var report = await process.KillTreeAsync();

        Assert.Equal(SandboxEnding.Killed, report.Ending);
        Assert.Equal("killed by the user", report.Summary);
        Assert.Equal(9, report.Signal);
        Assert.Equal(0, report.Survivors);
        Assert.Empty(RunProcesses.Alive(process.Name, process.Uid));
    }

    [Fact]
    public async Task A_run_reaches_the_event_socket_the_runner_put_in_the_scratch_directory()
    {
        var request = fixture.Prepare("Scripts", "event_channel.py");
        var socketPath = Path.Combine(request.ScratchDirectory, "events.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);
        request = request with { Arguments = [.. request.Arguments, fixture.Sandbox.GuestPath(request, socketPath)] };

        await using var process = await fixture.Sandbox.StartAsync(request, CancellationToken.None);
        using var connection = await listener.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(20));
        using var reader = new StreamReader(new NetworkStream(connection), Encoding.UTF8);
        var line = await reader.ReadLineAsync();
        var report = await process.WaitForExitAsync(CancellationToken.None);

        Assert.Matches("""^\{"kind": "hello", "pid": \d+\}$""", line);
        Assert.Equal("finished with exit code 0", report.Summary);
    }

    [Fact]
    public async Task A_crash_is_reported_as_the_signal_that_killed_the_script()
    {
        var run = await fixture.RunScriptAsync("Scripts", "segfault.py");

        Assert.Equal(["about to crash"], run.Stdout);
        Assert.Equal(SandboxEnding.Signaled, run.Report.Ending);
        Assert.Equal("killed by signal 11 (SIGSEGV)", run.Report.Summary);
    }

    [Fact]
    public void Scratch_paths_map_to_the_guest_scratch_directory_and_other_paths_keep_their_place()
    {
        var request = new SandboxRequest([], "/srv/runs/42");
        var sandbox = fixture.Sandbox;

        Assert.Equal(sandbox.UsesMountNamespace ? "/sandbox/main.py" : "/srv/runs/42/main.py", sandbox.GuestPath(request, "/srv/runs/42/main.py"));
        Assert.Equal("/srv/instrumentation/probe.py", sandbox.GuestPath(request, "/srv/instrumentation/probe.py"));
        Assert.Equal("/srv/runs/420/x", sandbox.GuestPath(request, "/srv/runs/420/x"));
    }

    /// <summary>Debian's own python3 (under /usr, reachable by any uid), as in a container without bubblewrap.</summary>
    private SandboxCapabilities WithoutNamespaces() => fixture.Sandbox.Capabilities with
    {
        Bubblewrap = false,
        PythonExecutable = "/usr/bin/python3.11",
        PythonPrefix = "/usr",
    };

    [Fact]
    public async Task Without_namespaces_multiprocessing_still_works_and_a_setsid_daemon_is_still_killed()
    {
        var degraded = new Playground.Engines.Processes.Sandbox.Sandbox(WithoutNamespaces(), new SandboxLimits());

        var works = await fixture.RunScriptAsync(degraded, "Scripts", "multiprocessing_inside.py", null, "fork", "forkserver");
        var daemon = await fixture.RunScriptAsync(degraded, "Scripts", "setsid_daemon.py", null);

        Assert.StartsWith("no namespaces (network not isolated)", works.Report.Layers.Describe(), StringComparison.Ordinal);
        Assert.StartsWith("Ran in a sandbox: the server's network (not isolated here), ", works.Report.Layers.InWords(), StringComparison.Ordinal);
        Assert.True(works.Report.Ending == SandboxEnding.Exited, works.StderrText);
        Assert.Equal(["fork pool=2646700 queue=50 value=800 shm=42 exitcode=0", "forkserver pool=2646700 queue=50 value=800 shm=42 exitcode=0"], works.Stdout);
        Assert.Equal(["daemon launched"], daemon.Stdout);
        Assert.Equal(0, daemon.Report.Survivors);
        Assert.Empty(daemon.AliveAfter);
    }

    [Fact]
    public async Task With_rlimits_and_the_run_uid_alone_a_setsid_daemon_is_still_killed()
    {
        var caps = WithoutNamespaces() with
        {
            CgroupV2Path = null,
            CgroupV1Paths = new Dictionary<string, string>(),
        };
        var bare = new Playground.Engines.Processes.Sandbox.Sandbox(caps, new SandboxLimits());

        var daemon = await fixture.RunScriptAsync(bare, "Scripts", "setsid_daemon.py", null);

        Assert.Equal(caps.SeparateUser, daemon.Report.Layers.SeparateUid is not null);
        Assert.Contains("no cgroup; rlimits", daemon.Report.Layers.Describe(), StringComparison.Ordinal);
        Assert.Equal(["daemon launched"], daemon.Stdout);
        Assert.Equal(0, daemon.Report.Survivors);
        Assert.Empty(daemon.AliveAfter);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_root_server_without_namespaces_refuses_a_python_other_users_cannot_reach()
    {
        var caps = fixture.Sandbox.Capabilities;
        Assert.True(caps.IsRoot, "the refusal protects a root server; this test host runs as root");
        var request = fixture.Prepare("Scripts", "segfault.py");
        var privateDir = Directory.CreateDirectory(Path.Combine(request.ScratchDirectory, "private"));
        File.SetUnixFileMode(privateDir.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var python = Path.Combine(privateDir.FullName, "python3");
        var degraded = new Playground.Engines.Processes.Sandbox.Sandbox(caps with { Bubblewrap = false, PythonExecutable = python }, new SandboxLimits());

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => degraded.StartAsync(request, CancellationToken.None));

        Assert.Equal(
            $"The sandbox refuses to run {python} as root without namespaces: install bubblewrap, or put python3 where other users can reach it so the run gets its own uid.",
            refusal.Message);
    }
}
