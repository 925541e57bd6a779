using System.Text.RegularExpressions;
using Playground.Engines.Processes.Sandbox;
using Xunit;
using Xunit.Abstractions;

namespace Playground.Tests.Unit.Engines.Processes.Sandbox;

/// <summary>
/// Student code is hostile until shown otherwise. Every script of Hostile/ runs through the real sandbox
/// with real python3; each test asserts what the student would see (the limit named in the summary, the
/// read that failed) and that no process of the run is alive afterwards.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class HostileCorpusTests(HostileCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<HostileCorpusFixture>
{
    private bool Namespaces => corpus.Sandbox.Sandbox.Capabilities.Bubblewrap;

    private bool Cgroups => corpus.Sandbox.Sandbox.Capabilities.CgroupKill;

    [Fact]
    public async Task A_fork_loop_meets_the_process_limit_and_sees_fork_fail()
    {
        var run = await Contained("fork_bomb.py");

        var line = Assert.Single(run.Stdout);
        var match = Regex.Match(line, @"^fork failed after (\d+) children: Resource temporarily unavailable$");
        Assert.True(match.Success, line);
        Assert.InRange(int.Parse(match.Groups[1].Value), 1, 31);
        Assert.Equal(SandboxEnding.ProcessLimit, run.Report.Ending);
        Assert.Equal("process limit hit (32 processes); exit code 1", run.Report.Summary);
    }

    [Fact]
    public async Task An_exponential_fork_bomb_is_held_at_the_process_limit_until_the_wall_clock_kills_it()
    {
        var run = await Contained("fork_bomb_exponential.py");

        Assert.Equal(SandboxEnding.TimedOut, run.Report.Ending);
        Assert.True(run.Report.ProcessLimitHit);
        Assert.Equal("timed out after 6 s; process limit hit (32 processes)", run.Report.Summary);
    }

    [Fact]
    public async Task A_pool_larger_than_the_process_limit_fails_to_start_its_workers()
    {
        var run = await Contained("pool_too_big.py");

        Assert.Contains("BlockingIOError: [Errno 11] Resource temporarily unavailable", run.StderrText, StringComparison.Ordinal);
        Assert.Equal(SandboxEnding.ProcessLimit, run.Report.Ending);
        Assert.StartsWith("process limit hit (24 processes)", run.Report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_memory_hog_is_stopped_at_the_memory_limit()
    {
        var run = await Contained("memory_hog.py");

        Assert.Equal(SandboxEnding.MemoryLimit, run.Report.Ending);
        Assert.StartsWith("memory limit hit (128 MiB)", run.Report.Summary, StringComparison.Ordinal);
        var held = run.Stdout.Select(l => int.Parse(Regex.Match(l, @"^holding (\d+) MiB$").Groups[1].Value)).ToList();
        Assert.All(held, mib => Assert.InRange(mib, 8, 128));
    }

    [Fact]
    public async Task An_endless_loop_is_killed_at_the_cpu_limit()
    {
        var run = await Contained("endless_loop.py");

        Assert.Equal(SandboxEnding.CpuTimeLimit, run.Report.Ending);
        Assert.Equal(24, run.Report.Signal);
        Assert.Equal("CPU time limit hit (1 s); killed by signal 24 (SIGXCPU)", run.Report.Summary);
    }

    [Fact]
    public async Task A_sleeper_is_killed_at_the_wall_time_limit()
    {
        var run = await Contained("sleep_forever.py");

        Assert.Equal(["sleeping"], run.Stdout);
        Assert.Equal(SandboxEnding.TimedOut, run.Report.Ending);
        Assert.Equal("timed out after 3 s", run.Report.Summary);
        Assert.InRange(run.Report.WallTime, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Reading_etc_shadow_fails()
    {
        var run = await Contained("read_shadow.py");

        Assert.Equal([Namespaces ? "shadow: FileNotFoundError" : "shadow: PermissionError"], run.Stdout);
        Assert.Equal("finished with exit code 0", run.Report.Summary);
    }

    [Fact]
    public async Task Root_home_shows_nothing_but_the_python_prefix()
    {
        var run = await Contained("read_root.py");
        var lines = run.Stdout.ToList();

        Assert.All(lines.Where(l => l.StartsWith("read ", StringComparison.Ordinal)),
            l => Assert.Matches(@": (FileNotFoundError|PermissionError)$", l));
        Assert.Equal(4, lines.Count(l => l.StartsWith("read ", StringComparison.Ordinal)));
        if (Namespaces)
        {
            Assert.Contains("root entries: ['.pyenv']", lines);
            Assert.Contains("pyenv entries: ['versions']", lines);
        }
    }

    [Fact]
    public async Task The_servers_files_cannot_be_listed_or_read()
    {
        var run = await Contained("read_server_files.py");
        var lines = run.Stdout.ToList();

        Assert.Equal(7, lines.Count);
        foreach (var line in lines.Where(l => l.Contains("/work", StringComparison.Ordinal) || l.StartsWith("read ", StringComparison.Ordinal)))
            Assert.Matches(@": (FileNotFoundError|PermissionError)$", line);
    }

    [Fact]
    public async Task The_environment_is_the_clean_one_and_no_other_environment_is_readable()
    {
        var run = await Contained("read_environment.py");
        var keys = run.Stdout.Where(l => l.StartsWith("env ", StringComparison.Ordinal))
            .Select(l => l[4..l.IndexOf('=', StringComparison.Ordinal)]).ToList();

        Assert.Equal(
            // bwrap sets PWD to its --chdir (/tmp); everything else is the sandbox's base environment.
            ["HOME", "LANG", "LC_ALL", "PATH", Playground.Engines.Processes.Sandbox.Sandbox.RunMarkerVariable, "PWD", "PYTHONDONTWRITEBYTECODE", "PYTHONNOUSERSITE", "PYTHONUNBUFFERED", "TMPDIR"],
            keys.Where(k => k != "LC_CTYPE" && (Namespaces || k != "PWD")));
        Assert.DoesNotContain(run.Lines, l => l.Text.Contains(HostileCorpusFixture.SecretValue, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.Text.Contains("DOTNET", StringComparison.Ordinal));
        Assert.Contains("readable foreign environs: 0", run.Stdout);
    }

    [Fact]
    public async Task Other_processes_of_the_machine_are_invisible()
    {
        var run = await Contained("other_processes.py");
        var lines = run.Stdout.ToList();

        Assert.DoesNotContain(lines, l => l.Contains("dotnet", StringComparison.OrdinalIgnoreCase) || l.Contains("testhost", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("pid 1 root: PermissionError", lines);
        if (Namespaces)
            Assert.Equal("visible pids: 2", lines[0]);
    }

    [Fact]
    public async Task Writes_outside_the_private_temp_dir_fail()
    {
        var run = await Contained("write_outside.py");
        var lines = run.Stdout.ToList();

        Assert.Equal(7, lines.Count);
        Assert.Equal("write /tmp/ok: ok", lines[^1]);
        Assert.All(lines.SkipLast(1), l => Assert.Matches(@": (PermissionError|OSError|FileNotFoundError)$", l));
        Assert.False(File.Exists(Path.Combine(run.ScratchDirectory, "evil")));
        Assert.False(File.Exists("/evil"));
    }

    [Fact]
    public async Task No_network_is_reachable_but_unix_sockets_work()
    {
        Assert.True(Namespaces, "bubblewrap's network namespace is the only network isolation; this machine refused it");
        var run = await Contained("network.py");
        var lines = run.Stdout.ToList();

        Assert.Matches("^tcp 127.0.0.1: (OSError|ConnectionRefusedError)$", lines[0]);
        Assert.Matches("^udp dns: OSError$", lines[1]);
        Assert.Equal("getaddrinfo: gaierror", lines[2]);
        Assert.Equal("unix socketpair: ping", lines[3]);
        Assert.False(corpus.Listener.Pending());
    }

    [Fact]
    public async Task Killing_the_parent_and_everything_else_is_refused()
    {
        var run = await Contained("kill_parent.py");

        Assert.Equal(["kill parent: PermissionError", "kill -1: ProcessLookupError", "still here"], run.Stdout);
        Assert.Equal("finished with exit code 0", run.Report.Summary);
    }

    [Fact]
    public async Task A_setsid_daemon_does_not_outlive_the_run()
    {
        var run = await Contained("setsid_daemon.py");

        Assert.Equal(["daemon launched"], run.Stdout);
        Assert.Equal("finished with exit code 0", run.Report.Summary);
    }

    [Fact]
    public async Task Children_that_ignore_sigterm_do_not_outlive_the_run()
    {
        var run = await Contained("sigterm_ignoring_children.py");

        Assert.Equal(["children started"], run.Stdout);
        Assert.Equal("finished with exit code 0", run.Report.Summary);
    }

    [Fact]
    public async Task An_output_flood_is_cut_at_the_output_limit()
    {
        var run = await Contained("output_flood.py");

        Assert.Equal(SandboxEnding.OutputTruncated, run.Report.Ending);
        Assert.StartsWith("output truncated at 64 KiB", run.Report.Summary, StringComparison.Ordinal);
        var delivered = run.Lines.Sum(l => (long)l.Text.Length + 1);
        Assert.InRange(delivered, 60 * 1024, 64 * 1024 + 2);
        Assert.Contains(run.Lines, l => l.Stream == SandboxStream.Stderr);
    }

    [Fact]
    public async Task Filling_dev_shm_stops_at_its_size()
    {
        var run = await Contained("shm_fill.py");

        var line = Assert.Single(run.Stdout);
        var match = Regex.Match(line, @"^shm full at (\d+) MiB: No space left on device$");
        Assert.True(match.Success, line);
        Assert.InRange(int.Parse(match.Groups[1].Value), 1, 8);
    }

    [Fact]
    public async Task Filling_the_disk_stops_at_the_file_size_and_temp_size_limits()
    {
        var run = await Contained("disk_fill.py");
        var lines = run.Stdout.ToList();

        Assert.Equal("file 0 stopped: File too large", lines[0]);
        Assert.Equal("No space left on device", lines[^2].Split(": ")[1]);
        var total = int.Parse(Regex.Match(lines[^1], @"^disk full at (\d+) MiB$").Groups[1].Value);
        Assert.InRange(total, 2, 8);
    }

    [Fact]
    public async Task Opening_files_stops_at_the_open_files_limit()
    {
        var run = await Contained("too_many_files.py");

        var line = Assert.Single(run.Stdout);
        var match = Regex.Match(line, @"^open failed after (\d+) files: Too many open files$");
        Assert.True(match.Success, line);
        Assert.InRange(int.Parse(match.Groups[1].Value), 50, 61);
    }

    [Fact]
    public async Task Becoming_root_or_leaving_the_sandbox_is_refused()
    {
        var run = await Contained("become_root.py");

        Assert.Equal(
            ["setuid 0: Operation not permitted", "setgid 0: Operation not permitted", "chroot: Operation not permitted",
             "mount tmpfs: Operation not permitted", "ptrace pid 1: Operation not permitted"],
            run.Stdout);
    }

    [Fact]
    public async Task After_the_whole_corpus_nothing_of_any_run_is_alive_and_the_sandbox_still_runs_python()
    {
        var runs = await Task.WhenAll(corpus.AllRuns);
        Assert.Equal(21, runs.Length);
        foreach (var run in runs)
        {
            var alive = RunProcesses.Alive(run.Name, run.Uid);
            Assert.True(alive.Count == 0, $"{run.Name} (uid {run.Uid}) left {RunProcesses.Describe(alive)}");
        }
        if (Cgroups)
            Assert.Empty(CgroupDirectoriesOf(runs.Select(r => r.Name)));

        var healthy = await corpus.Sandbox.RunScriptAsync("Scripts", "multiprocessing_inside.py", SandboxFixture.PositiveLimits(), "fork");
        Assert.Equal(["fork pool=2646700 queue=50 value=800 shm=42 exitcode=0"], healthy.Stdout);
    }

    /// <summary>Awaits a script's run and checks what every hostile run must satisfy: the final kill left nothing.</summary>
    private async Task<SandboxRun> Contained(string script)
    {
        var run = await corpus.Run(script);
        output.WriteLine($"{script}: {run.Report.Summary} [{run.Report.Layers.Describe()}] in {run.Report.WallTime.TotalSeconds:0.00} s");
        foreach (var line in run.Lines.Take(20))
            output.WriteLine($"  {line.Stream}: {line.Text}");
        Assert.Empty(run.AliveAfter);
        Assert.Equal(0, run.Report.Survivors);
        if (corpus.Sandbox.Sandbox.Capabilities.SeparateUser)
            Assert.NotNull(run.Report.Layers.SeparateUid);
        return run;
    }

    private static IEnumerable<string> CgroupDirectoriesOf(IEnumerable<string> names)
    {
        var names_ = names.ToHashSet(StringComparer.Ordinal);
        foreach (var (mount, fsType, _) in ReadMounts())
        {
            if (fsType is not ("cgroup" or "cgroup2"))
                continue;
            var parent = Path.Combine(mount, SandboxCapabilities.CgroupParentName);
            if (!Directory.Exists(parent))
                continue;
            foreach (var dir in Directory.EnumerateDirectories(parent))
                if (names_.Contains(Path.GetFileName(dir)))
                    yield return dir;
        }
    }

    private static IEnumerable<(string Mount, string FsType, string Options)> ReadMounts() =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(l => l.Split(" - ", 2))
            .Where(h => h.Length == 2)
            .Select(h => (h[0].Split(' ')[4], h[1].Split(' ')[0], h[1].Split(' ').ElementAtOrDefault(2) ?? ""));
}
