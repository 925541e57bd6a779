using System.Text.RegularExpressions;

namespace Playground.Client.Components.Memory;

/// <summary>
/// The step's reference count changes in a student's words. The engine records a store the way CPython
/// runs it: LOAD_* pushes a new reference (+1, "temporary on the evaluation stack") and STORE_NAME or
/// STORE_SUBSCR then hands that reference to the name or container without touching the count (±0, "bound
/// to name `b`"). Read together they are one thing that happened: "+1 `b` now refers to the list (line 3)".
/// </summary>
public static partial class RefCountLog
{
    private const string Temporary = "temporary on the evaluation stack";

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
            if (c.Delta > 0 && c.Reason == Temporary)
            {
                (pendingTemporaries.TryGetValue(c.ObjectId, out var s) ? s : pendingTemporaries[c.ObjectId] = new()).Push(pending.Count);
                pending.Add(change);
                words.Add(c.Reason);
                continue;
            }

            if (c.Delta == 0 && pendingTemporaries.TryGetValue(c.ObjectId, out var stack) && stack.Count > 0
                && Words(c.Reason, What(change)) is { } stored)
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
                shown.Add(new RefCountLogEntry(c.Delta, c.RefCount, change.ObjectLabel, words[i] ?? Words(c.Reason, What(change)) ?? c.Reason));
            }
        }

        return new RefCountLogPage(shown, total);
    }

    private static string What(LabelledChange change) => "the " + change.ObjectLabel.Split(' ')[0];

    private static string? Words(string reason, string what)
    {
        if (BoundToName().Match(reason) is { Success: true } bound)
        {
            return $"`{bound.Groups[1].Value}` now refers to {what} ({bound.Groups[2].Value})";
        }

        if (NameDeleted().Match(reason) is { Success: true } deleted)
        {
            return $"`{deleted.Groups[1].Value}` no longer refers to {what}: del ({deleted.Groups[2].Value})";
        }

        if (NameRebound().Match(reason) is { Success: true } rebound)
        {
            return $"`{rebound.Groups[1].Value}` now refers to another object, not {what} ({rebound.Groups[2].Value})";
        }

        if (StoredIn().Match(reason) is { Success: true } stored)
        {
            return $"{stored.Groups[1].Value} now holds {what} ({stored.Groups[2].Value})";
        }

        if (Parameter().Match(reason) is { Success: true } parameter)
        {
            return $"{what} is passed to `{parameter.Groups[2].Value}` as `{parameter.Groups[1].Value}` ({parameter.Groups[3].Value})";
        }

        if (Argument().Match(reason) is { Success: true } argument)
        {
            return $"{what} is passed to `{argument.Groups[1].Value}` ({argument.Groups[2].Value})";
        }

        if (Attribute().Match(reason) is { Success: true } attribute)
        {
            return $"attribute `.{attribute.Groups[1].Value}` now refers to {what} ({attribute.Groups[2].Value})";
        }

        if (Returned().Match(reason) is { Success: true } returned)
        {
            return $"`{returned.Groups[1].Value}` returned and its frame let go of {what}";
        }

        return null;
    }

    [GeneratedRegex(@"^bound to name `([^`]+)` \((line \d+)\)$")]
    private static partial Regex BoundToName();

    [GeneratedRegex(@"^name `([^`]+)` deleted \((line \d+)\)$")]
    private static partial Regex NameDeleted();

    [GeneratedRegex(@"^name `([^`]+)` rebound \((line \d+)\)$")]
    private static partial Regex NameRebound();

    [GeneratedRegex(@"^stored in (.+) \((line \d+)\)$")]
    private static partial Regex StoredIn();

    [GeneratedRegex(@"^argument of `([^`]+)` \((line \d+)\)$")]
    private static partial Regex Argument();

    [GeneratedRegex(@"^argument `([^`]+)` of `([^`]+)` \((line \d+)\)$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^attribute `([^`]+)` \((line \d+)\)$")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^released when frame `([^`]+)` returned$")]
    private static partial Regex Returned();
}

/// <summary>The log's first entries in words, and the count of all of them.</summary>
public sealed record RefCountLogPage(IReadOnlyList<RefCountLogEntry> Shown, int Total);

/// <summary>One line of the log: the move, the count after it, the object, and what happened in words.</summary>
public sealed record RefCountLogEntry(int Delta, long RefCount, string ObjectLabel, string Text);
