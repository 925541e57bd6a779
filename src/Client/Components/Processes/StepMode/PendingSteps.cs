using Playground.Shared.Processes;

namespace Playground.Client.Components.Processes.StepMode;

/// <summary>
/// Step mode: what each process will do next. A <c>step.wait</c> names the operation the process is held
/// before (<c>value.read</c>, <c>lock.acquire</c>, ...); any later event of the same process means the
/// grant was used. A grant sent from the page marks the step as on its way, so a second click does nothing.
/// </summary>
public sealed class PendingSteps
{
    private readonly Dictionary<int, PendingStep> _pending = [];
    private readonly HashSet<int> _granted = [];
    private readonly Dictionary<int, string> _lanes = [];
    private readonly HashSet<int> _exited = [];

    public IReadOnlyDictionary<int, PendingStep> Pending => _pending;

    /// <summary>
    /// Every process that has waited for a grant, by pid, with its name: the panel keeps a line for each
    /// from then on, so that its Next button stays where it is while the others come and go (a line that
    /// appeared or left under the pointer moved the button being clicked).
    /// </summary>
    public IReadOnlyDictionary<int, string> Lanes => _lanes;

    /// <summary>True once <paramref name="pid"/> has exited.</summary>
    public bool HasExited(int pid) => _exited.Contains(pid);

    public void Apply(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _granted.Remove(e.Pid);
        if (e.Kind == ProcessEventKinds.ProcessExit)
        {
            _exited.Add(e.Pid);
        }

        if (e.Kind == ProcessEventKinds.StepWait)
        {
            _lanes[e.Pid] = e.Name;
            var what = e.Text("lock") ?? e.Text("target") ?? e.Text("value_of") ?? e.Text("queue") ?? e.Text("pipe")
                ?? e.Text("event") ?? e.Text("condition") ?? e.Text("barrier");
            _pending[e.Pid] = new PendingStep(e.Pid, e.Name, e.Text("op") ?? "?", what, e.Text("value"));
        }
        else
        {
            _pending.Remove(e.Pid);
        }
    }

    /// <summary>True when <paramref name="pid"/> waits for a grant the page has not sent yet.</summary>
    public bool CanGrant(int pid) => _pending.ContainsKey(pid) && !_granted.Contains(pid);

    /// <summary>The page sent the grant: the step stays shown until the process reports, but cannot be granted twice.</summary>
    public void MarkGranted(int pid) => _granted.Add(pid);
}

/// <summary>The operation a process waits to do, e.g. <c>value.write</c> of 1 to Value-..., or <c>lock.acquire</c> of Lock-...</summary>
public sealed record PendingStep(int Pid, string Name, string Operation, string? Target, string? Value)
{
    public string Describe() =>
        Operation + (Target is null ? string.Empty : " " + Target) + (Value is null ? string.Empty : " ← " + Value);
}
