namespace Playground.Shared.Processes;

/// <summary>Who waits for what, and who holds it, when a deadlock was found.</summary>
public sealed record WaitForGraph(IReadOnlyList<WaitForEdge> Edges)
{
    /// <summary>One line per waiting process, e.g. "Process-1 (pid 12) waits for Lock-ab, held by Process-2 (pid 13)".</summary>
    public string Describe() => string.Join("; ", Edges.Select(e =>
        $"{e.WaiterName} (pid {e.Waiter}) waits for {e.Resource}" +
        (e.Holder is { } h ? $", held by {e.HolderName} (pid {h})" : "")));
}

/// <summary>A process blocked on <paramref name="Resource"/> (a lock, queue, pipe, event, barrier or another process), and its holder when known.</summary>
public sealed record WaitForEdge(int Waiter, string WaiterName, string WaitKind, string Resource, int? Holder, string? HolderName);
