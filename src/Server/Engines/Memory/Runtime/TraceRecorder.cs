using System.Globalization;
using Playground.Engines.Memory.Allocation;
using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// Records a run as steps with deltas (reference count changes with reasons, objects whose state changed,
/// objects freed, collections) and full heap checkpoints, so a viewer can rebuild the state after any step
/// without re-running the program. A checkpoint costs one record per live object, a step one per object it
/// touched: a checkpoint is taken once at least <see cref="_interval"/> steps have passed since the last one
/// <em>and</em> those steps recorded at least as many objects as are live. So the checkpoints never weigh
/// more than the deltas (a loop over a big heap does not copy the heap every hundred steps), and rebuilding
/// any step reads at most about twice the live heap.
/// </summary>
internal sealed class TraceRecorder(int interval)
{
    private readonly int _interval = interval;
    private readonly List<TraceStep> _steps = [];
    private readonly List<HeapCheckpoint> _checkpoints = [];
    private readonly Dictionary<long, PyObject> _live = [];
    private readonly List<RefCountChange> _changes = [];
    private readonly HashSet<PyObject> _touched = new(ReferenceEqualityComparer.Instance);
    private readonly List<ObjectFreed> _freed = [];
    private readonly List<GcCollection> _collections = [];
    private Interpreter? _interp;
    private IReadOnlyList<TraceFrame>? _frames;
    private GcStateRecorder? _gc;
    private AllocatorRecorder? _allocator;
    private int _line;
    private bool _open;
    private int _stepsSinceCheckpoint;
    private long _recordsSinceCheckpoint;

    public IReadOnlyList<TraceStep> Steps => _steps;

    public IReadOnlyList<HeapCheckpoint> Checkpoints => _checkpoints;

    public void Attach(Interpreter interp)
    {
        _interp = interp;
        _gc = new GcStateRecorder(interp.Gc);
        _allocator = new AllocatorRecorder(interp.Allocator);
        _checkpoints.Add(Checkpoint(-1));
    }

    public void Allocated(PyObject o)
    {
        _live[o.Id] = o;
        _touched.Add(o);
    }

    public void RefChange(PyObject o, int delta, Why why, string? detail, int line)
    {
        _changes.Add(new RefCountChange(o.Id, delta, o.RefCount, why, detail, line));
        _touched.Add(o);
    }

    /// <summary>A reference moved without a count change (a stack value stored under a name or in a container).</summary>
    public void Rename(PyObject o, Why why, string? detail, int line, string? function = null)
    {
        if (!o.Shared)
        {
            _changes.Add(new RefCountChange(o.Id, 0, o.RefCount, why, detail, line, function));
            _touched.Add(o);
        }
    }

    /// <summary>
    /// An object's own state changed with no count of its own moving: a class's namespace filled by its
    /// body or an assignment to a class attribute. Its new state goes in the step, so a viewer stepping
    /// through the deltas sees what a checkpoint would.
    /// </summary>
    public void Touched(PyObject o) => _touched.Add(o);

    public void Stored(PyObject[] items, string where, int line)
    {
        foreach (var item in items)
        {
            Rename(item, Why.StoredInContainer, where, line);
        }
    }

    public void Note(PyObject o, Why why)
    {
        _changes.Add(new RefCountChange(o.Id, 0, o.RefCount, why));
        _touched.Add(o);
    }

    public void Freed(PyObject o)
    {
        _live.Remove(o.Id);
        _touched.Remove(o);
        _freed.Add(new ObjectFreed(o.Id, o.Type?.Name ?? "object", o.RefCount == 0 ? "reference count reached zero" : "deleted by the cyclic GC"));
    }

    public void Collection(GcCollection c) => _collections.Add(c);

    public void Step(int line, int stdoutLength)
    {
        Close(stdoutLength);
        _line = line;
        _open = true;
    }

    public void Finish(int stdoutLength) => Close(stdoutLength);

    /// <summary>
    /// Closes the last line's step and opens the interpreter's exit on the module's last line
    /// (<paramref name="line"/>: a script ending in a call last ran a line of the function). A script
    /// that ran no line (comments only) has no step to follow.
    /// </summary>
    public void Exiting(int line, int stdoutLength)
    {
        if (_open || _steps.Count > 0)
        {
            Step(line, stdoutLength);
        }
    }

    private void Close(int stdoutLength)
    {
        if (!_open)
        {
            _touched.Clear();
            _changes.Clear();
            return;
        }

        var index = _steps.Count;
        var checkpointDue = _stepsSinceCheckpoint + 1 >= _interval && _recordsSinceCheckpoint + _touched.Count + _freed.Count + 1 >= _live.Count;

        // A checkpoint is a full picture, so before one the recorder looks for shared objects (small
        // ints, interned strings) held by every live object, not only by those this step touched.
        SharedObjects.Discover(_interp!, checkpointDue ? [.. _live.Values] : [.. _touched], _live, _touched);
        var step = new TraceStep(index, _line, [.. _changes], [.. _touched.Where(o => _live.ContainsKey(o.Id)).Select(Describe)],
            [.. _freed], [.. _collections], stdoutLength) { Frames = ChangedFrames(), Gc = _gc!.Changed(), Allocator = _allocator?.TakeChange() };
        _steps.Add(step);
        _stepsSinceCheckpoint++;
        _recordsSinceCheckpoint += step.Changed.Count + step.Freed.Count + 1;
        _changes.Clear();
        _touched.Clear();
        _freed.Clear();
        _collections.Clear();
        _open = false;
        if (checkpointDue)
        {
            _checkpoints.Add(Checkpoint(index));
            _stepsSinceCheckpoint = 0;
            _recordsSinceCheckpoint = 0;
        }
    }

    private HeapCheckpoint Checkpoint(int stepIndex) =>
        new(stepIndex, [.. _live.Values.Select(Describe)], [.. _interp!.Gc.Counts]) { Frames = _frames = FrameCapture.Capture(_interp), Gc = _gc!.Snapshot(), Allocator = _interp.Allocator.State() };

    /// <summary>The call stack when it differs from the last one recorded; null when it is the same.</summary>
    private IReadOnlyList<TraceFrame>? ChangedFrames() =>
        FrameCapture.Matches(_interp!, _frames) ? null : _frames = FrameCapture.Capture(_interp!);

    private HeapObject Describe(PyObject o)
    {
        var refs = new List<PyObject>();
        o.Traverse(refs);
        return new HeapObject(o.Id, o.Type?.Name ?? "object", SafeRepr(o), (int)_interp!.SizeOf(o), o.RefCount, o.Shared,
            o.Generation, [.. refs.Select(r => r.Id)], _interp.Address(o)) { References = [.. ReferenceLabels.Describe(_interp, o).Select(r => new HeapReference(r.Target.Id, r.Label))] };
    }

    /// <summary>A short description that never runs student code (no __repr__ calls).</summary>
    private string SafeRepr(PyObject o) => o switch
    {
        // Writing an int out costs time quadratic in its digits, on every step that touches it: a big one
        // is told by its size (int.__repr__ would refuse past 4,300 digits anyway).
        PyInt { Big: { } big } when big.GetBitLength() > BigIntBits => string.Create(CultureInfo.InvariantCulture, $"int of about {(long)Math.Floor(System.Numerics.BigInteger.Log10(System.Numerics.BigInteger.Abs(big))) + 1:N0} digits"),
        PyInt or PyFloat or PyNone => _interp!.Repr(o),
        PyStr s => Interpreter.StrRepr(s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value),
        // The gc module's own lists, tracked like any list: a full collection counts them among its survivors.
        PyList l when ReferenceEquals(l, _interp!.Gc.Garbage) => "gc.garbage" + ItemsInBrackets(l.Items.Count),
        PyList l when ReferenceEquals(l, _interp!.Gc.CallbacksList) => "gc.callbacks" + ItemsInBrackets(l.Items.Count),
        PyList l => $"list of {l.Items.Count}",
        PyTuple t => $"tuple of {t.Items.Length}",
        PyDict d => $"dict of {d.Table.Count}",
        PySet s => $"set of {s.Table.Count}",
        PyInstance { Args: null, Attributes.Count: > 0 } i => InstanceRepr(i),
        PyInstance i => $"{i.Type.Name} object",
        PyFunction f => $"function {f.QualName}",
        PyType t => $"class {t.Name}",
        _ => o.Type?.Name ?? "object",
    };

    /// <summary>What a gc list holds after its name: nothing when empty (as it mostly is), so that the name fits a card.</summary>
    private static string ItemsInBrackets(int count) => count switch
    {
        0 => string.Empty,
        1 => ", 1 item",
        _ => string.Create(CultureInfo.InvariantCulture, $", {count:N0} items"),
    };

    /// <summary>The most bits of an int written out in full (about 77 digits).</summary>
    private const long BigIntBits = 256;

    /// <summary>The most of an instance's attributes written out before "…".</summary>
    private const int InstanceReprLength = 48;

    /// <summary>
    /// An instance by its attributes, the way a dataclass writes itself: <c>Node(name='a', other=&lt;Node&gt;)</c>.
    /// CPython's own <c>&lt;__main__.Node object at 0x…&gt;</c> tells two nodes apart only by address; a
    /// student tells them apart by what they hold. Numbers, strings and None are written out, anything else
    /// by its type alone, so the description never recurses and never runs a <c>__repr__</c>.
    /// </summary>
    private string InstanceRepr(PyInstance i)
    {
        var text = new System.Text.StringBuilder(i.Type.Name).Append('(');
        var first = true;
        foreach (var (name, value) in i.Attributes)
        {
            var attribute = name + "=" + value switch
            {
                // an int of thousands of digits would be written out whole on every step that touches its holder
                PyInt { Big: { } big } when big.GetBitLength() > 64 => "<int>",
                PyInt or PyFloat or PyNone => _interp!.Repr(value),
                PyStr s => Interpreter.StrRepr(s.Value.Length > 12 ? s.Value[..12] + "…" : s.Value),
                _ => $"<{value.Type?.Name ?? "object"}>",
            };
            if (!first && text.Length + attribute.Length > InstanceReprLength)
            {
                text.Append(", …");
                break;
            }

            text.Append(first ? "" : ", ").Append(attribute.Length > InstanceReprLength ? attribute[..InstanceReprLength] + "…" : attribute);
            first = false;
        }

        return text.Append(')').ToString();
    }
}
