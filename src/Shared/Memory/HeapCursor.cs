namespace Playground.Shared.Memory;

/// <summary>
/// The heap at one step of a trace, kept and moved instead of rebuilt: a step forward applies that
/// step's deltas (<see cref="TraceStep.Changed"/> replace, <see cref="TraceStep.Freed"/> leave), a step
/// back puts back the states the step replaced or freed (remembered from the step forward when it was
/// one, else read with <see cref="HeapReplay.ObjectsAfter"/>, so only the step's own objects are looked
/// for), and a jump rebuilds from the nearest checkpoint as
/// <see cref="HeapReplay.HeapAfter"/> does. Rebuilding costs the whole heap (2,000 objects and a checkpoint
/// interval of deltas), a step only what it changed, which is what lets a page step within a frame in the
/// browser's interpreted .NET.
///
/// It also keeps who refers to whom, so that a view of a big heap need not read every object's references
/// on every step: the referrers of each object, and how many references each has from objects that are
/// not shared by the interpreter (a dict's references to its keys left out, as the graph reads keys in
/// labels). Everything it returns describes the current step, until the next move.
/// </summary>
public sealed class HeapCursor
{
    /// <summary>Steps back beyond this many are a jump: each costs a search back to the nearest checkpoint.</summary>
    private const int MaxStepsBack = 8;

    /// <summary>How many steps forward the cursor remembers how to undo.</summary>
    private const int UndoSteps = 512;

    private readonly MemoryTrace _trace;
    private readonly Dictionary<long, HeapObject> _heap = [];
    private readonly List<long> _ids = [];
    private readonly List<HeapObject> _objects = [];
    private readonly HeapReferences _references = new();

    /// <summary>
    /// For the last steps taken forward, newest last, the states each replaced or freed (null: the object
    /// was new): a step back then puts them back at the cost of the step itself. Without it a step back
    /// searched the trace for every object the step touched, back to the nearest checkpoint and through
    /// all of its objects: the end of a run that frees 2,000 objects took 200 ms to step back from.
    /// </summary>
    private readonly List<(int Step, List<(long Id, HeapObject? Before)> Replaced)> _undo = [];

    public HeapCursor(MemoryTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        _trace = trace;
        Rebuild(-1);
    }

    public MemoryTrace Trace => _trace;

    /// <summary>The step whose heap this is (-1: before the first step).</summary>
    public int StepIndex { get; private set; }

    /// <summary>The live objects by id.</summary>
    public IReadOnlyDictionary<long, HeapObject> Heap => _heap;

    /// <summary>How many live objects there are.</summary>
    public int Count => _objects.Count;

    /// <summary>The live objects in id order (allocation order), as a new array the cursor does not touch again.</summary>
    public HeapObject[] ObjectsById() => [.. _objects];

    /// <summary>The live objects that refer to <paramref name="id"/>, each once, in id order.</summary>
    public IReadOnlyList<long> ReferrersOf(long id) =>
        _references.ReferrersOf(id);

    /// <summary>References to <paramref name="id"/> from objects not shared by the interpreter, a dict's to its keys left out.</summary>
    public int ReferencesFromUnshared(long id) => _references.ReferencesFromUnshared(id);

    /// <summary>Who refers to whom among the live objects (see <see cref="HeapReferences"/>).</summary>
    public HeapReferences References => _references;

    /// <summary>
    /// What the step the cursor stands at replaced or freed, with each object's state just before it (null:
    /// the object was new), in the order the step applied them; null when the cursor does not remember
    /// (it came back past what it remembers). A jump remembers the step it lands on, also on a checkpoint.
    /// </summary>
    public IReadOnlyList<(long Id, HeapObject? Before)>? LastStepReplaced =>
        _undo.Count > 0 && _undo[^1].Step == StepIndex ? _undo[^1].Replaced : null;

    /// <summary>Moves to the heap after step <paramref name="stepIndex"/> (clamped to the trace).</summary>
    public void MoveTo(int stepIndex)
    {
        var target = Math.Clamp(stepIndex, -1, _trace.Steps.Count - 1);
        if (target == StepIndex)
        {
            return;
        }

        if (target > StepIndex && target - StepIndex <= Math.Max(1, _trace.CheckpointInterval))
        {
            while (StepIndex < target)
            {
                Forward();
            }
        }
        else if (target < StepIndex && (StepIndex - target <= MaxStepsBack || StepIndex - target <= _undo.Count))
        {
            while (StepIndex > target)
            {
                Back();
            }
        }
        else
        {
            Rebuild(target);
        }
    }

    private void Forward()
    {
        var step = _trace.Steps[StepIndex + 1];
        var replaced = new List<(long Id, HeapObject? Before)>(step.Changed.Count + step.Freed.Count);
        foreach (var changed in step.Changed)
        {
            replaced.Add((changed.Id, _heap.GetValueOrDefault(changed.Id)));
            Put(changed);
        }

        foreach (var freed in step.Freed)
        {
            if (_heap.TryGetValue(freed.ObjectId, out var before))
            {
                replaced.Add((freed.ObjectId, before));
            }

            Remove(freed.ObjectId);
        }

        StepIndex++;
        _undo.Add((StepIndex, replaced));
        if (_undo.Count > 2 * UndoSteps)
        {
            _undo.RemoveRange(0, UndoSteps);
        }
    }

    private void Back()
    {
        if (_undo.Count > 0 && _undo[^1].Step == StepIndex)
        {
            // undone newest first, so an object the step changed and then freed gets its first state back
            var replaced = _undo[^1].Replaced;
            _undo.RemoveAt(_undo.Count - 1);
            for (var i = replaced.Count - 1; i >= 0; i--)
            {
                if (replaced[i].Before is { } state)
                {
                    Put(state);
                }
                else
                {
                    Remove(replaced[i].Id);
                }
            }

            StepIndex--;
            return;
        }

        _undo.Clear();
        var step = _trace.Steps[StepIndex];
        var touched = step.Changed.Select(o => o.Id).Concat(step.Freed.Select(f => f.ObjectId)).ToHashSet();
        var before = HeapReplay.ObjectsAfter(_trace, StepIndex - 1, touched);
        foreach (var id in touched)
        {
            if (before.TryGetValue(id, out var o))
            {
                Put(o);
            }
            else
            {
                Remove(id);
            }
        }

        StepIndex--;
    }

    private void Rebuild(int target)
    {
        _undo.Clear();
        _heap.Clear();
        _ids.Clear();
        _objects.Clear();
        _references.Clear();
        // The checkpoint before the target's step, not one at it: the last step of a run is often a
        // checkpoint, and loaded as it stands it left nothing to undo, so the step back from End (the
        // module torn down, every object freed) searched the trace for thousands of objects (1.5 s for
        // 20,000 in the browser) instead of putting back what the cursor had just removed.
        var start = HeapReplay.CheckpointAtOrBefore(_trace, Math.Max(-1, target - 1));
        foreach (var o in (start?.Objects ?? []).OrderBy(o => o.Id))
        {
            _heap[o.Id] = o;
            _ids.Add(o.Id);
            _objects.Add(o);
            _references.Add(o);
        }

        // From the checkpoint on, step forward as HeapReplay.HeapAfter does: the steps then go into the undo
        // list too, so that a step back after a jump (End, the slider) costs its step, not a search.
        StepIndex = start?.StepIndex ?? -1;
        while (StepIndex < target)
        {
            Forward();
        }
    }

    private void Put(HeapObject o)
    {
        if (_heap.TryGetValue(o.Id, out var old))
        {
            if (ReferenceEquals(old, o))
            {
                return;
            }

            _references.Remove(old);
            _objects[_ids.BinarySearch(o.Id)] = o;
        }
        else if (_ids.Count == 0 || _ids[^1] < o.Id)
        {
            // New objects usually have the highest id yet: ids are given in allocation order.
            _ids.Add(o.Id);
            _objects.Add(o);
        }
        else
        {
            var at = ~_ids.BinarySearch(o.Id);
            _ids.Insert(at, o.Id);
            _objects.Insert(at, o);
        }

        _heap[o.Id] = o;
        _references.Add(o);
    }

    private void Remove(long id)
    {
        if (!_heap.Remove(id, out var old))
        {
            return;
        }

        _references.Remove(old);
        var at = _ids.BinarySearch(id);
        _ids.RemoveAt(at);
        _objects.RemoveAt(at);
    }
}
