namespace Playground.Benchmarks.PageProbe;

/// <summary>
/// PAGE_BENCH_SPLIT_CPUS=1 puts the server (and the python3 processes its runs start) on the first core
/// and the browser on the second. A student's browser runs on their own machine while the server runs
/// the script; on this two-core machine both share the cores, so a page's long frame may be the browser
/// waiting for a core rather than the page working. Comparing the settings tells them apart.
/// PAGE_BENCH_SPLIT_CPUS=server puts only the server and its runs on the first core and leaves the
/// browser on both (Chromium's own processes, its renderer, compositor and GPU process, need more than one).
/// PAGE_BENCH_SPLIT_CPUS=nice starts the server at the lowest priority (nice 19; the python3 processes of
/// its runs inherit it): the browser has both cores before them, as when the run is on another machine,
/// and the run still gets what the browser leaves.
/// </summary>
public static class SplitCpus
{
    private const string Chromium = "/usr/bin/chromium";

    private static string? Setting => OperatingSystem.IsLinux() && Environment.ProcessorCount >= 2 ? Environment.GetEnvironmentVariable("PAGE_BENCH_SPLIT_CPUS") : null;

    public static bool Enabled => Setting == "1";

    private static bool ServerPinned => Setting is "1" or "server";

    /// <summary>What the benches print about where things ran.</summary>
    public static string Describe => Setting switch
    {
        "1" => "server and its runs on core 0, browser on core 1",
        "server" => "server and its runs on core 0, browser on both",
        "nice" => "server and its runs at the lowest priority (nice 19), browser on both cores before them",
        _ => "server, runs and browser share the cores",
    };

    /// <summary>The command that starts the server: itself, or under taskset on core 0.</summary>
    public static (string File, IReadOnlyList<string> Arguments) Server(string file, IReadOnlyList<string> arguments) =>
        Setting == "nice" ? ("nice", ["-n", "19", file, .. arguments])
        : ServerPinned ? ("taskset", ["-c", "0", file, .. arguments]) : (file, arguments);

    /// <summary>The browser's executable: Debian's Chromium, or a script that starts it on core 1 (its child processes inherit the core).</summary>
    public static string BrowserExecutable()
    {
        if (!OperatingSystem.IsLinux() || !Enabled)
        {
            return Chromium;
        }

        var wrapper = Path.Combine(Directory.CreateTempSubdirectory("playground-bench-cpu-").FullName, "chromium");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec taskset -c 1 {Chromium} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return wrapper;
    }
}
