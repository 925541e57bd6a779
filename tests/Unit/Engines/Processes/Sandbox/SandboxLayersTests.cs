using Playground.Engines.Processes.Sandbox;
using Xunit;

namespace Playground.Tests.Unit.Engines.Processes.Sandbox;

/// <summary>The layers of a run told to a student: only what was in force, and none claimed that was not.</summary>
public sealed class SandboxLayersTests
{
    private static SandboxLayers Layers(bool namespaces = false, string[]? v1 = null, string[]? v2 = null, bool rlimits = false, int? uid = null) =>
        new(UserNamespace: namespaces, PidNamespace: namespaces, NetworkNamespace: namespaces, MountNamespace: namespaces, IpcNamespace: namespaces,
            CgroupV2: v2 is not null, CgroupV2Controllers: v2 ?? [], CgroupV1Controllers: v1 ?? [], Rlimits: rlimits, SeparateUid: uid);

    [Fact]
    public void Everything_in_force_reads_as_no_network_its_own_processes_and_files_a_user_and_three_limits() =>
        Assert.Equal("Ran in a sandbox: no network, its own processes and files, a user of its own, limits on processes, memory and CPU time.",
            Layers(namespaces: true, v1: ["pids", "memory", "cpu"], rlimits: true, uid: 61393).InWords());

    [Fact]
    public void A_cgroup_with_only_the_pids_controller_limits_processes_alone() =>
        Assert.Equal("Ran in a sandbox: no network, its own processes and files, limits on processes.",
            Layers(namespaces: true, v2: ["pids"]).InWords());

    [Fact]
    public void Rlimits_and_a_user_of_its_own_without_namespaces_say_the_network_is_not_isolated() =>
        Assert.Equal("Ran in a sandbox: the server's network (not isolated here), a user of its own, limits on processes, memory and CPU time.",
            Layers(rlimits: true, uid: 61393).InWords());

    [Fact]
    public void With_nothing_in_force_the_run_is_not_called_sandboxed() =>
        Assert.StartsWith("Ran without a sandbox", Layers(v2: []).InWords(), StringComparison.Ordinal);
}
