namespace Playground.Shared.Processes;

/// <summary>Who waits for what, and who holds it, when a deadlock was found.</summary>
public sealed record WaitForGraph(IReadOnlyList<WaitForEdge> Edges)
{
    /// <summary>One line per waiting process, e.g. "Process-1 (pid 12) waits for Lock-ab, held by Process-2 (pid 13)".</summary>
    public string Describe() => string.Join("; ", Edges.Select(e => e.Describe()));

    /// <summary>
    /// The processes on the cycle, in wait order from the lowest pid: each waits for the next, the last
    /// for the first. A blocked process waits for one thing, and that thing has at most one holder, so
    /// following waiter → holder from any process ends on a cycle or at a process that waits for nobody
    /// (a queue with no writer, say); a process that waits to join a deadlocked child is stuck, but not
    /// on the cycle. Empty when no process leads back to itself.
    /// </summary>
    public IReadOnlyList<int> Cycle()
    {
        var next = new Dictionary<int, int>();
        foreach (var edge in Edges)
        {
            if (edge.Holder is { } holder)
            {
                next.TryAdd(edge.Waiter, holder);
            }
        }

        var onCycle = new HashSet<int>();
        foreach (var start in next.Keys)
        {
            var seen = new List<int>();
            var at = start;
            while (next.ContainsKey(at) && !seen.Contains(at) && !onCycle.Contains(at))
            {
                seen.Add(at);
                at = next[at];
            }

            if (seen.IndexOf(at) is var first and >= 0)
            {
                onCycle.UnionWith(seen.Skip(first));
            }
        }

        if (onCycle.Count == 0)
        {
            return [];
        }

        var cycle = new List<int> { onCycle.Min() };
        while (next[cycle[^1]] != cycle[0])
        {
            cycle.Add(next[cycle[^1]]);
        }

        return cycle;
    }
}

/// <summary>A process blocked on <paramref name="Resource"/> (a lock, queue, pipe, event, barrier or another process), and its holder when known.</summary>
public sealed record WaitForEdge(int Waiter, string WaiterName, string WaitKind, string Resource, int? Holder, string? HolderName)
{
    /// <summary>A join waits for a process, not for a resource between them.</summary>
    public bool IsJoin => WaitKind == ProcessEventKinds.ProcessJoinBegun;

    public string Describe() =>
        $"{WaiterName} (pid {Waiter}) waits for {Resource}" + (Holder is { } h ? $", held by {HolderName} (pid {h})" : "");
}
