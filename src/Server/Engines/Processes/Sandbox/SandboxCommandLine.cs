using System.Globalization;

namespace Playground.Engines.Processes.Sandbox;

/// <summary>
/// Builds the launcher chain of one run, outermost first:
/// <code>
/// sh -c 'echo $$ > …/cgroup.procs …; exec "$@"'   join the run's cgroups, as root, before anything forks
///   setsid                                         a new session: the launcher's pid is the group id
///   bwrap --unshare-pid --unshare-net …            namespaces, read-only system, private /tmp, /dev/shm, /proc
///     setpriv --reuid U --regid G --clear-groups   the run's own uid (RLIMIT_NPROC counts per real uid)
///       nice -n 10                                 below the rest of its group, inherited too (SandboxLimits.Nice)
///         prlimit --nproc … --as … --cpu … --core=0  rlimits, inherited by every descendant
///           python3 script.py
/// </code>
/// Each layer is left out when the machine refused it at detection, and the report says so.
/// </summary>
internal static class SandboxCommandLine
{
    internal sealed record Plan(string FileName, IReadOnlyList<string> Arguments, SandboxLayers Layers, string GuestScratch);

    private static readonly string[] MergedUsrLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>Files of /etc python and the C library read; nothing else of /etc is visible.</summary>
    private static readonly string[] EtcFiles = ["/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf"];

    internal static Plan Build(SandboxCapabilities caps, SandboxRequest request, SandboxLimits limits, RunCgroup? cgroup, int? uid, bool useBubblewrap)
    {
        var chain = new List<string>();
        var separateUser = uid is not null;

        if (HostCommand.Which("setsid") is { } setsid)
            chain.Add(setsid);

        if (useBubblewrap)
        {
            chain.Add(caps.BubblewrapPath!);
            if (!caps.IsRoot)
                chain.Add("--unshare-user");
            chain.AddRange(["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                            "--die-with-parent", "--new-session", "--hostname", "sandbox"]);
            if (separateUser)
                chain.AddRange(["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]);
            chain.AddRange(["--ro-bind", "/usr", "/usr"]);
            foreach (var link in MergedUsrLinks)
            {
                var info = new FileInfo(link);
                if (info.LinkTarget is { } target)
                    chain.AddRange(["--symlink", target, link]);
                else if (Directory.Exists(link))
                    chain.AddRange(["--ro-bind", link, link]);
            }
            chain.AddRange(["--perms", "0755", "--dir", "/etc"]);
            foreach (var file in EtcFiles)
                chain.AddRange(["--ro-bind-try", file, file]);

            // The private /tmp comes first: a read-only path that lives under the host's /tmp (a checkout
            // in /tmp, say) is then bound on top of it instead of being hidden by it.
            chain.AddRange(["--proc", "/proc", "--dev", "/dev"]);
            chain.AddRange(["--perms", "1777", "--size", Bytes(limits.TempBytes), "--tmpfs", "/tmp"]);
            chain.AddRange(["--perms", "1777", "--size", Bytes(limits.SharedMemoryBytes), "--tmpfs", "/dev/shm"]);
            // bwrap creates missing parents with the mode of the host's (/root is 0700): give them 0755 first.
            var created = new HashSet<string>(StringComparer.Ordinal) { "/", "/usr", "/etc", "/tmp", "/dev", "/proc" };
            var readOnly = new List<string> { caps.PythonPrefix };
            readOnly.AddRange((request.ReadOnlyPaths ?? []).Select(Path.GetFullPath));
            if (request.Executable is { } exe && Path.IsPathRooted(exe) && !exe.StartsWith("/usr/", StringComparison.Ordinal))
                readOnly.Add(Path.GetDirectoryName(exe)!);
            foreach (var path in readOnly.Distinct(StringComparer.Ordinal).OrderBy(p => p.Length))
            {
                if (path.StartsWith("/usr/", StringComparison.Ordinal) || !Path.Exists(path))
                    continue;
                foreach (var ancestor in Ancestors(path))
                    if (created.Add(ancestor))
                        chain.AddRange(["--perms", "0755", "--dir", ancestor]);
                chain.AddRange(["--ro-bind", path, path]);
                created.Add(path);
            }
            chain.AddRange(["--ro-bind", Path.GetFullPath(request.ScratchDirectory), Sandbox.GuestScratchDirectory]);
            chain.AddRange(["--chdir", "/tmp", "--"]);
        }

        if (separateUser && caps.SetprivPath is { } setpriv)
            chain.AddRange([setpriv, "--reuid", Int(uid!.Value), "--regid", Int(caps.SandboxGroupId), "--clear-groups", "--"]);

        if (limits.Nice > 0 && HostCommand.Which("nice") is { } nice)
            chain.AddRange([nice, "-n", Int(limits.Nice)]);

        if (caps.PrlimitPath is { } prlimit)
        {
            chain.AddRange([prlimit,
                $"--nproc={limits.MaxProcesses}",
                $"--as={limits.AddressSpaceBytes}",
                $"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 1}",
                $"--fsize={limits.FileSizeBytes}",
                $"--nofile={limits.OpenFiles}",
                "--core=0",
                "--"]);
        }

        chain.Add(request.Executable ?? caps.PythonExecutable);
        chain.AddRange(request.Arguments);

        // The launcher shell joins the cgroups with its own pid, then execs the chain in place.
        var join = cgroup is null ? "" : string.Concat(cgroup.ProcsFiles.Select(f => $"echo $$ > '{f}' || exit 125; "));
        var arguments = new List<string> { "-c", join + "unset PWD OLDPWD; exec \"$@\"", "sandbox-launcher" };
        arguments.AddRange(chain);

        var layers = new SandboxLayers(
            UserNamespace: useBubblewrap && !caps.IsRoot,
            PidNamespace: useBubblewrap,
            NetworkNamespace: useBubblewrap,
            MountNamespace: useBubblewrap,
            IpcNamespace: useBubblewrap,
            CgroupV2: cgroup?.V2Directory is not null,
            CgroupV2Controllers: cgroup?.V2Controllers ?? [],
            CgroupV1Controllers: cgroup is null ? [] : SandboxCapabilities.WantedControllers.Where(cgroup.V1Directories.ContainsKey).ToList(),
            Rlimits: caps.PrlimitPath is not null,
            SeparateUid: separateUser ? uid : null);
        var guestScratch = useBubblewrap ? Sandbox.GuestScratchDirectory : Path.GetFullPath(request.ScratchDirectory);
        return new Plan("/bin/sh", arguments, layers, guestScratch);
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < parts.Length; i++)
            yield return "/" + string.Join('/', parts.Take(i));
    }

    private static string Bytes(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
