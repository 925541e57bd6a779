using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes;

/// <summary>
/// What each process of a run is doing, folded from its events as they arrive: one lane per pid with
/// its name, state ("running", "waiting for lock.requested on Lock-1", "exited with code 0") and the
/// console lines it wrote. A "*.begun" or "lock.requested" event blocks a lane until the same process
/// reports anything else.
/// </summary>
public sealed class ProcessLanes
{
    private readonly Dictionary<int, ProcessLane> _lanes = [];
    private readonly List<ConsoleLine> _console = [];

    public IReadOnlyCollection<ProcessLane> Lanes => _lanes.Values;

    public IReadOnlyList<ConsoleLine> Console => _console;

    public long EventCount { get; private set; }

    public void Apply(IEnumerable<ProcessEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            EventCount++;
            if (!_lanes.TryGetValue(e.Pid, out var lane))
            {
                _lanes[e.Pid] = lane = new ProcessLane(e.Pid, _lanes.Count);
            }

            lane.Name = e.Name;
            lane.Events++;
            switch (e.Kind)
            {
                case ProcessEventKinds.ProcessExit:
                    lane.ExitCode = (int?)e.Integer("exitcode");
                    lane.Exited = true;
                    lane.State = lane.ExitCode is { } code ? $"exited with code {code}" : "exited";
                    break;
                case ProcessEventKinds.Output:
                    _console.Add(new ConsoleLine(e.Pid, lane.Index, e.Name, e.Text("stream") ?? "stdout", e.Text("text") ?? string.Empty));
                    if (!lane.Exited)
                    {
                        lane.State = "running";
                    }

                    break;
                default:
                    if (!lane.Exited)
                    {
                        lane.State = e.Kind.EndsWith(".begun", StringComparison.Ordinal) || e.Kind == ProcessEventKinds.LockRequested
                            ? $"waiting: {e.Kind.Replace(".begun", string.Empty, StringComparison.Ordinal)}{Resource(e)}"
                            : "running";
                    }

                    break;
            }
        }
    }

    private static string Resource(ProcessEvent e) =>
        (e.Text("lock") ?? e.Text("queue") ?? e.Text("pipe") ?? e.Text("event") ?? e.Text("barrier") ?? e.Text("condition")) is { } name
            ? " on " + name
            : string.Empty;
}

/// <summary>One process of the run as its lane shows it.</summary>
public sealed class ProcessLane(int pid, int index)
{
    public int Pid { get; } = pid;

    /// <summary>The order in which the lane appeared; picks its colour.</summary>
    public int Index { get; } = index;

    public string Name { get; set; } = string.Empty;

    public string State { get; set; } = "running";

    public int? ExitCode { get; set; }

    public bool Exited { get; set; }

    public long Events { get; set; }
}

/// <summary>A line a process wrote, tagged with it.</summary>
public sealed record ConsoleLine(int Pid, int LaneIndex, string Name, string Stream, string Text);
