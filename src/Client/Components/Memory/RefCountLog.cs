using Playground.Shared.Memory;

namespace Playground.Client.Components.Memory;

/// <summary>
/// The step's reference count changes in a student's words. The engine records a store the way CPython
/// runs it: LOAD_* pushes a new reference (+1, "temporary on the evaluation stack") and STORE_NAME or
/// STORE_SUBSCR then hands that reference to the name or container without touching the count (±0, "bound
/// to name `b`"). Read together they are one thing that happened: "+1 `b` now refers to the list (line 3)".
/// </summary>
public static class RefCountLog
{
    public static IReadOnlyList<RefCountLogEntry> Phrase(IReadOnlyList<LabelledChange> changes) => Phrase(changes, int.MaxValue).Shown;

    /// <summary>
    /// The first <paramref name="max"/> entries in words, and how many there are in all. A script's last
    /// step lets go of every object it made, thousands of changes at once: they are all paired (a store
    /// can take the reference of a load far before it), but only the entries shown are put in words.
    /// </summary>
    public static RefCountLogPage Phrase(IReadOnlyList<LabelledChange> changes, int max)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var pending = new List<LabelledChange?>(changes.Count);
        var words = new List<string?>(changes.Count);
        var pendingTemporaries = new Dictionary<long, Stack<int>>();
        foreach (var change in changes)
        {
            var c = change.Change;
            if (c.Delta > 0 && c.Why == RefCountWhy.Temporary)
            {
                (pendingTemporaries.TryGetValue(c.ObjectId, out var s) ? s : pendingTemporaries[c.ObjectId] = new()).Push(pending.Count);
                pending.Add(change);
                words.Add(null);
                continue;
            }

            if (c.Delta == 0 && pendingTemporaries.TryGetValue(c.ObjectId, out var stack) && stack.Count > 0
                && Words(c, What(change)) is { } stored)
            {
                // The reference pushed by the load is the one the store keeps.
                var at = stack.Pop();
                var temporary = pending[at]!;
                pending[at] = null;
                pending.Add(change with { Change = c with { Delta = temporary.Change.Delta } });
                words.Add(stored);
                continue;
            }

            pending.Add(change);
            words.Add(null);
        }

        var shown = new List<RefCountLogEntry>(Math.Min(max, pending.Count));
        var total = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            if (pending[i] is not { } change)
            {
                continue;
            }

            if (total++ < max)
            {
                var c = change.Change;
                shown.Add(new RefCountLogEntry(c.Delta, c.RefCount, change.ObjectLabel, words[i] ?? Words(c, What(change)) ?? c.Reason));
            }
        }

        return new RefCountLogPage(shown, total);
    }

    private static string What(LabelledChange change) => "the " + change.ObjectLabel.Split(' ')[0];

    /// <summary>What the change did, in a student's words; null when its reason says it well enough.</summary>
    private static string? Words(RefCountChange c, string what) => c.Why switch
    {
        RefCountWhy.BoundToName => $"`{c.Detail}` now refers to {what} (line {c.Line})",
        RefCountWhy.NameDeleted => $"`{c.Detail}` no longer refers to {what}: del (line {c.Line})",
        RefCountWhy.NameRebound => $"`{c.Detail}` now refers to another object, not {what} (line {c.Line})",
        RefCountWhy.StoredInContainer => $"{c.Detail ?? "a container"} now holds {what} (line {c.Line})",
        RefCountWhy.Parameter => $"{what} is passed to `{c.Function ?? "a call"}` as `{c.Detail}` (line {c.Line})",
        RefCountWhy.Argument => $"{what} is passed to `{c.Detail}` (line {c.Line})",
        RefCountWhy.Attribute => $"attribute `.{c.Detail}` now refers to {what} (line {c.Line})",
        RefCountWhy.FrameReturned => $"`{c.Detail}` returned and its frame let go of {what}",
        _ => null,
    };
}

/// <summary>The log's first entries in words, and the count of all of them.</summary>
public sealed record RefCountLogPage(IReadOnlyList<RefCountLogEntry> Shown, int Total);

/// <summary>One line of the log: the move, the count after it, the object, and what happened in words.</summary>
public sealed record RefCountLogEntry(int Delta, long RefCount, string ObjectLabel, string Text);
