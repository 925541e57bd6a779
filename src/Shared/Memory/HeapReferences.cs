namespace Playground.Shared.Memory;

/// <summary>
/// Who refers to whom among a set of objects, kept as objects come and go: each object's referrers in id
/// order (an object that refers twice is listed twice, and given once), and how many references each has
/// from objects the interpreter does not share, a dict's references to its keys left out (the heap
/// graph reads keys in its arrows' labels, so a key held only by a dict is not "held by the student").
/// <see cref="HeapCursor"/> keeps one for the step on screen; a view of a few objects builds one with
/// <see cref="Of"/>.
/// </summary>
public sealed class HeapReferences
{
    private readonly Dictionary<long, List<long>> _referrers = [];
    private readonly Dictionary<long, int> _heldByUnshared = [];
    private readonly HashSet<long> _shared = [];

    public static HeapReferences Of(IEnumerable<HeapObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var references = new HeapReferences();
        foreach (var o in objects)
        {
            references.Add(o);
        }

        return references;
    }

    /// <summary>The objects that refer to <paramref name="id"/>, each once, in id order.</summary>
    public IReadOnlyList<long> ReferrersOf(long id) =>
        _referrers.TryGetValue(id, out var list) ? (list.Count < 2 ? list : [.. list.Distinct()]) : [];

    /// <summary>
    /// The same referrers read one at a time, for a reader that may stop early: a class has every one of
    /// its instances as a referrer, and a summary of the heap wants only the first few.
    /// </summary>
    public IEnumerable<long> EachReferrerOf(long id)
    {
        if (!_referrers.TryGetValue(id, out var list))
        {
            yield break;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (i == 0 || list[i] != list[i - 1])
            {
                yield return list[i];
            }
        }
    }

    /// <summary>References to <paramref name="id"/> from objects not shared by the interpreter, a dict's to its keys left out.</summary>
    public int ReferencesFromUnshared(long id) => _heldByUnshared.GetValueOrDefault(id);

    /// <summary>
    /// The objects the interpreter shares (small ints, interned strings, None): a heap of thousands holds
    /// a few dozen of them, so a view that asks which shared objects to draw looks at these alone.
    /// </summary>
    public IReadOnlyCollection<long> SharedIds => _shared;

    public void Add(HeapObject o) => Index(o, +1);

    public void Remove(HeapObject o) => Index(o, -1);

    public void Clear()
    {
        _referrers.Clear();
        _heldByUnshared.Clear();
        _shared.Clear();
    }

    private void Index(HeapObject o, int sign)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.SharedByInterpreter)
        {
            _ = sign > 0 ? _shared.Add(o.Id) : _shared.Remove(o.Id);
        }

        foreach (var r in o.References)
        {
            // Each list of referrers is kept in id order, so that a view reads the same referrers first
            // however the cursor got to the step.
            if (sign > 0)
            {
                var list = _referrers.TryGetValue(r.TargetId, out var l) ? l : _referrers[r.TargetId] = [];
                if (list.Count == 0 || list[^1] <= o.Id)
                {
                    list.Add(o.Id);
                }
                else
                {
                    var at = list.BinarySearch(o.Id);
                    list.Insert(at < 0 ? ~at : at, o.Id);
                }
            }
            else if (_referrers.TryGetValue(r.TargetId, out var list))
            {
                var at = list.BinarySearch(o.Id);
                if (at >= 0)
                {
                    list.RemoveAt(at);
                }

                if (list.Count == 0)
                {
                    _referrers.Remove(r.TargetId);
                }
            }

            if (!o.SharedByInterpreter && r.Label != HeapReference.KeyLabel)
            {
                var held = _heldByUnshared.GetValueOrDefault(r.TargetId) + sign;
                if (held == 0)
                {
                    _heldByUnshared.Remove(r.TargetId);
                }
                else
                {
                    _heldByUnshared[r.TargetId] = held;
                }
            }
        }
    }
}
