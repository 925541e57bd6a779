using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.Timeline;

/// <summary>
/// One stretch of a lane in one activity, in seconds of time.monotonic() (one clock for every process of
/// the machine). <see cref="End"/> is null while the stretch is still going on (a lane's last one).
/// </summary>
/// <param name="Detail">What the process waits for ("Lock-ab12", "Process-2") or its exit code.</param>
public sealed record TimelineSegment(double Start, double? End, LaneActivity Activity, string? Detail)
{
    public double EndOr(double now) => End ?? Math.Max(now, Start);

    public string Describe() => Activity switch
    {
        LaneActivity.Exited => Detail is null ? "exited"
            // multiprocessing's exitcode: -N for a process a signal ended (the engine's SIGKILL at a deadlock)
            : int.TryParse(Detail, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code) && code < 0
                ? $"killed by {Signals.Name(-code)} (exit code {Detail})"
            : $"exited with code {Detail}",
        // a process to join goes by its own name; a lock, a queue, a pipe by its type and name ("Lock a")
        LaneActivity.Joining when Detail is not null => $"{Activity.Describe()} ({Detail})",
        _ when Detail is not null => $"{Activity.Describe()} ({ResourceName.Words(Detail)})",
        _ => Activity.Describe(),
    };
}
