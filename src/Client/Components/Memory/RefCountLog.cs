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
    /// Changes in a row that read word for word alike are one entry with how many times: tearing down a
    /// linked list of 2,000 nodes, each node freed releases the next (Objects/typeobject.c's
    /// subtype_dealloc clearing its __dict__), 1,999 times "released by an object being freed" on a
    /// Node whose count reached 0: told as one "Node object", though each node's attributes differ.
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
        var changesShown = 0;
        var changesInAll = 0;
        LabelledChange? previous = null;
        string? previousWords = null;
        for (var i = 0; i < pending.Count; i++)
        {
            if (pending[i] is not { } change)
            {
                continue;
            }

            changesInAll++;
            // Only into the entry just before: one further back that read alike is kept apart, since what
            // came between is part of the story (a list let go of, then freed by the list that held it:
            // that order is why its count reached zero).
            if (previous is not null && string.Equals(words[i], previousWords, StringComparison.Ordinal) && change.ReadsAs(previous))
            {
                // the entry before this one is shown when there were no more than max entries before it
                if (total <= max)
                {
                    shown[^1] = shown[^1] with
                    {
                        Times = shown[^1].Times + 1,
                        // one object whose count moved again says where it ended; instances of a class alike, all of them
                        RefCount = change.Change.ObjectId == previous.Change.ObjectId ? change.Change.RefCount : shown[^1].RefCount,
                        ObjectLabel = change.LabelledAs(previous) ? shown[^1].ObjectLabel : previous.KindLabel,
                    };
                    changesShown++;
                }

                continue;
            }

            previous = change;
            previousWords = words[i];
            if (total++ < max)
            {
                var c = change.Change;
                shown.Add(new RefCountLogEntry(c.Delta, c.RefCount, change.ObjectLabel, words[i] ?? Moved(c, Words(c, What(change))) ?? c.Reason));
                changesShown++;
            }
        }

        return new RefCountLogPage(shown, total, changesInAll - changesShown);
    }

    /// <summary>
    /// The objects a step freed, the first <paramref name="max"/> entries of them, objects in a row of one
    /// type freed for one reason told once with how many (the nodes of a list torn down).
    /// </summary>
    public static FreedLogPage Fold(IReadOnlyList<ObjectFreed> freed, int max)
    {
        ArgumentNullException.ThrowIfNull(freed);
        var shown = new List<FreedLogEntry>();
        var inShown = 0;
        foreach (var f in freed)
        {
            if (shown.Count > 0 && shown[^1] is var last && last.Type == f.Type && last.Reason == f.Reason)
            {
                shown[^1] = last with { Times = last.Times + 1 };
            }
            else if (shown.Count < max)
            {
                shown.Add(new FreedLogEntry(f.Type, f.Reason, 1));
            }
            else
            {
                break;
            }

            inShown++;
        }

        return new FreedLogPage(shown, freed.Count - inShown);
    }

    private static string What(LabelledChange change) => "the " + change.ObjectLabel.Split(' ', '(')[0];

    /// <summary>
    /// A store that moved no count: the object was on the evaluation stack with no load before it on this
    /// step (made by the expression, or returned by a call), and the store keeps the stack's reference
    /// rather than taking one of its own (STORE_NAME steals it). Said so, or "±0 `box` now refers to the
    /// dict" reads as if binding a name did not count.
    /// </summary>
    private static string? Moved(RefCountChange c, string? words) =>
        words is not null && c.Delta == 0 && c.Why is RefCountWhy.BoundToName or RefCountWhy.StoredInContainer or RefCountWhy.Attribute
            ? words + ": the reference the evaluation stack held moves there, so the count stays"
            : words;

    /// <summary>What the change did, in a student's words; null when its reason says it well enough.</summary>
    private static string? Words(RefCountChange c, string what) => c.Why switch
    {
        RefCountWhy.BoundToName => $"`{c.Detail}` now refers to {what} (line {c.Line})",
        RefCountWhy.NameDeleted => $"`{c.Detail}` no longer refers to {what}: del (line {c.Line})",
        RefCountWhy.InterpreterExit => $"`{c.Detail}` no longer refers to {what}: the script has ended and the interpreter exits (after line {c.Line})",
        RefCountWhy.NameRebound => $"`{c.Detail}` now refers to another object, not {what} (line {c.Line})",
        RefCountWhy.StoredInContainer => $"{c.Detail ?? "a container"} now holds {what} (line {c.Line})",
        RefCountWhy.Parameter => $"{what} is passed to `{c.Function ?? "a call"}` as `{c.Detail}` (line {c.Line})",
        RefCountWhy.Argument => $"{what} is passed to `{c.Detail}` (line {c.Line})",
        RefCountWhy.Attribute => $"attribute `.{c.Detail}` now refers to {what} (line {c.Line})",
        RefCountWhy.FrameReturned => $"`{c.Detail}` returned and its frame let go of {what}",
        RefCountWhy.HandledException when c.Delta > 0 => $"{what} is now the exception being handled, by {c.Detail ?? "an except clause"} (sys.exc_info())",
        RefCountWhy.HandledException => $"{c.Detail ?? "the except clause"} has ended: {what} is no longer the exception being handled",
        _ => null,
    };
}

/// <summary>The log's first entries in words, how many entries there are in all, and how many changes the entries not shown hold.</summary>
public sealed record RefCountLogPage(IReadOnlyList<RefCountLogEntry> Shown, int Total, int ChangesNotShown);

/// <summary>
/// One line of the log: the move, the count after it, the object, and what happened in words; <see cref="Times"/>
/// changes in a row that read so.
/// </summary>
public sealed record RefCountLogEntry(int Delta, long RefCount, string ObjectLabel, string Text, int Times = 1);

/// <summary>The first lines of what a step freed, and how many objects the lines not shown hold.</summary>
public sealed record FreedLogPage(IReadOnlyList<FreedLogEntry> Shown, int ObjectsNotShown);

/// <summary><see cref="Times"/> objects of <see cref="Type"/> freed in a row for one reason.</summary>
public sealed record FreedLogEntry(string Type, string Reason, int Times);
