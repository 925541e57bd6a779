namespace Playground.Shared.Processes;

/// <summary>
/// One thing a process of a run did, as the instrumentation reported it and the runner validated it.
/// <see cref="Ts"/> is CLOCK_MONOTONIC in seconds (one clock for all processes of the machine);
/// <see cref="Seq"/> counts the process's own events from 1. The kind's own fields (see
/// <see cref="ProcessEventKinds"/>) are in <see cref="Fields"/>, as text.
/// </summary>
public sealed record ProcessEvent(string Kind, int Pid, string Name, double Ts, long Seq, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;
}
