namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// The isolation layers that were in force for one run (not merely available on the machine). A student
/// reads <see cref="InWords"/>, an operator <see cref="Describe"/>; tests read the flags.
/// </summary>
public sealed record SandboxLayers(
    bool UserNamespace,
    bool PidNamespace,
    bool NetworkNamespace,
    bool MountNamespace,
    bool IpcNamespace,
    bool CgroupV2,
    IReadOnlyList<string> CgroupV2Controllers,
    IReadOnlyList<string> CgroupV1Controllers,
    bool Rlimits,
    int? SeparateUid)
{
    /// <summary>True when the run cannot reach any network (its own empty network namespace).</summary>
    public bool NoNetwork => NetworkNamespace;

    /// <summary>
    /// What the layers mean to a student, e.g. "Ran in a sandbox: no network, its own processes and files,
    /// limits on processes, memory and CPU time." <see cref="Describe"/> names the layers themselves.
    /// </summary>
    public string InWords()
    {
        // rlimits bound all three (prlimit --nproc, --as, --cpu); a cgroup controller bounds its own
        var limited = new List<string>();
        if (Rlimits || Controls("pids"))
            limited.Add("processes");
        if (Rlimits || Controls("memory"))
            limited.Add("memory");
        if (Rlimits || Controls("cpu"))
            limited.Add("CPU time");

        if (!NetworkNamespace && SeparateUid is null && limited.Count == 0)
            return "Ran without a sandbox: this server offers no isolation, so the script ran as the server does.";

        var parts = new List<string> { NetworkNamespace ? "no network" : "the server's network (not isolated here)" };
        if (PidNamespace && MountNamespace)
            parts.Add("its own processes and files");
        if (SeparateUid is not null)
            parts.Add("a user of its own");
        if (limited.Count > 0)
            parts.Add("limits on " + (limited.Count == 1 ? limited[0] : string.Join(", ", limited.SkipLast(1)) + " and " + limited[^1]));
        return "Ran in a sandbox: " + string.Join(", ", parts) + ".";

        bool Controls(string controller) => CgroupV1Controllers.Contains(controller) || CgroupV2Controllers.Contains(controller);
    }

    /// <summary>The layers in words, e.g. "namespaces: pid, net, mount, ipc; cgroup v1: pids, memory, cpu; ...".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        var namespaces = new List<string>();
        if (UserNamespace) namespaces.Add("user");
        if (PidNamespace) namespaces.Add("pid");
        if (NetworkNamespace) namespaces.Add("net");
        if (MountNamespace) namespaces.Add("mount");
        if (IpcNamespace) namespaces.Add("ipc");
        parts.Add(namespaces.Count > 0 ? "namespaces: " + string.Join(", ", namespaces) : "no namespaces (network not isolated)");
        if (CgroupV2)
            parts.Add("cgroup v2" + (CgroupV2Controllers.Count > 0 ? ": " + string.Join(", ", CgroupV2Controllers) : " (kill only)"));
        if (CgroupV1Controllers.Count > 0)
            parts.Add("cgroup v1: " + string.Join(", ", CgroupV1Controllers));
        if (!CgroupV2 && CgroupV1Controllers.Count == 0)
            parts.Add("no cgroup");
        if (Rlimits)
            parts.Add("rlimits");
        parts.Add(SeparateUid is { } uid ? $"separate user (uid {uid})" : "same user as the server");
        return string.Join("; ", parts);
    }
}
