using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes;

/// <summary>
/// When each child's start() was called in its parent (its <c>process.start</c>), by the child's pid: the
/// order the lanes and the summary list processes in. A child's own start-up time, measured in the child,
/// can put Process-5 before Process-4 when both were started within a millisecond or two, and children
/// report in whatever order they get going.
/// </summary>
public sealed class StartCalls
{
    private readonly Dictionary<long, double> _calls = [];

    /// <summary>Notes <paramref name="e"/> if it is a parent's start() of a child; true when it was.</summary>
    public bool Note(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind != ProcessEventKinds.ProcessStart || e.Integer("child") is not { } child)
        {
            return false;
        }

        _calls[child] = e.Timestamp;
        return true;
    }

    /// <summary>Where process <paramref name="pid"/> stands: by its parent's start() if reported, else by when it <paramref name="began"/>.</summary>
    public (double At, int Pid) Order(int pid, double began) => (_calls.TryGetValue(pid, out var called) ? called : began, pid);
}
