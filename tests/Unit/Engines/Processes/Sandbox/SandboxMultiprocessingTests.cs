using Xunit;
using Playground.Engines.Processes.Sandbox;

namespace Playground.Tests.Unit.Engines.Processes.Sandbox;

/// <summary>Multiprocessing works inside the sandbox: every start method, Pool(16), Queue, Lock, Value, shared_memory.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxMultiprocessingTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("fork")]
    [InlineData("spawn")]
    [InlineData("forkserver")]
    public async Task Pool_queue_lock_value_and_shared_memory_work_under_each_start_method(string method)
    {
        var run = await fixture.RunScriptAsync("Scripts", "multiprocessing_inside.py", SandboxFixture.PositiveLimits(), method);

        Assert.True(run.Report.Ending == SandboxEnding.Exited, run.Report.Summary + "\n" + run.StderrText);
        Assert.Equal(0, run.Report.ExitCode);
        // sum(x*x for x in range(200)) = 2646700; 50 items through the queue; 4 workers x 200 locked increments.
        Assert.Equal([$"{method} pool=2646700 queue=50 value=800 shm=42 exitcode=0"], run.Stdout);
        Assert.Empty(run.AliveAfter);
        Assert.Equal(0, run.Report.Survivors);
    }

    [Fact]
    public async Task The_report_names_the_layers_the_machine_offers()
    {
        var run = await fixture.RunScriptAsync("Scripts", "multiprocessing_inside.py", SandboxFixture.PositiveLimits());
        var caps = fixture.Sandbox.Capabilities;

        Assert.Equal(SandboxEnding.Exited, run.Report.Ending);
        Assert.Equal("finished with exit code 0", run.Report.Summary);
        Assert.Equal(caps.Bubblewrap, run.Report.Layers.NetworkNamespace);
        Assert.Equal(caps.Bubblewrap, run.Report.Layers.PidNamespace);
        Assert.Equal(caps.Rlimits, run.Report.Layers.Rlimits);
        Assert.Equal(caps.SeparateUser, run.Report.Layers.SeparateUid is not null);
        Assert.Equal(caps.CgroupV1Paths.ContainsKey("pids"), run.Report.Layers.CgroupV1Controllers.Contains("pids"));
        // a v2 group with no controller is left out where v1 pids kills the tree as well
        var v2KillOnlyRedundant = caps.CgroupV2Controllers.Count == 0 && caps.CgroupV1Paths.ContainsKey("pids");
        Assert.Equal(caps.CgroupV2Path is not null && !v2KillOnlyRedundant, run.Report.Layers.CgroupV2);
        // and tells a student what they mean
        Assert.Equal(
            "Ran in a sandbox: " + (caps.Bubblewrap ? "no network, its own processes and files" : "the server's network (not isolated here)")
            + (caps.SeparateUser ? ", a user of its own" : "") + ", limits on processes, memory and CPU time.",
            run.Report.Layers.InWords());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public async Task A_run_and_its_children_run_at_the_configured_niceness(int nice)
    {
        var limits = SandboxFixture.PositiveLimits();
        limits.Nice = nice;
        var run = await fixture.RunScriptAsync("Scripts", "niceness.py", limits);

        Assert.True(run.Report.Ending == SandboxEnding.Exited, run.Report.Summary + "\n" + run.StderrText);
        // Relative to the test host's own niceness (field 19 of /proc/self/stat), capped at 19 by the kernel.
        var own = int.Parse(File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16], System.Globalization.CultureInfo.InvariantCulture);
        var expected = Math.Min(19, own + nice);
        Assert.Equal([$"main {expected} child {expected}"], run.Stdout);
    }
}
