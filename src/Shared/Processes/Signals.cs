namespace Playground.Shared.Processes;

/// <summary>
/// The names of the signals a run's processes are ended by: the sandbox's report says how the main
/// process ended ("killed by signal 9 (SIGKILL)"), and a lane says how a worker did, from
/// multiprocessing's exitcode, which is -N for a process signal N ended.
/// </summary>
public static class Signals
{
    /// <summary>Linux's name of <paramref name="signal"/> ("SIGKILL"), or "signal N" for one a run is not expected to meet.</summary>
    public static string Name(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        24 => "SIGXCPU",
        25 => "SIGXFSZ",
        _ => "signal " + signal.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
