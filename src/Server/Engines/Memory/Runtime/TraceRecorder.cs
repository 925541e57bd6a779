using Playground.Engines.Memory.Allocation;
using Playground.Shared.Memory;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// Records a run as steps with deltas (reference count changes with reasons, objects whose state changed,
/// objects freed, collections) and a full heap checkpoint every <see cref="_interval"/> steps, so a viewer
/// can rebuild the state after any step without re-running the program.
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
    private AllocatorRecorder? _allocator;
    private int _line;
    private bool _open;

    public IReadOnlyList<TraceStep> Steps => _steps;

    public IReadOnlyList<HeapCheckpoint> Checkpoints => _checkpoints;

    public void Attach(Interpreter interp)
    {
        _interp = interp;
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
        _changes.Add(new RefCountChange(o.Id, delta, o.RefCount, Reasons.Describe(why, detail, line)));
        _touched.Add(o);
    }

    /// <summary>A reference moved without a count change (a stack value stored under a name or in a container).</summary>
    public void Rename(PyObject o, Why why, string? detail, int line)
    {
        if (!o.Shared)
        {
            _changes.Add(new RefCountChange(o.Id, 0, o.RefCount, Reasons.Describe(why, detail, line)));
            _touched.Add(o);
        }
    }

    public void Stored(PyObject[] items, string where, int line)
    {
        foreach (var item in items)
        {
            Rename(item, Why.StoredInContainer, where, line);
        }
    }

    public void Note(PyObject o, string text)
    {
        _changes.Add(new RefCountChange(o.Id, 0, o.RefCount, text));
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

    private void Close(int stdoutLength)
    {
        if (!_open)
        {
            _touched.Clear();
            _changes.Clear();
            return;
        }

        var index = _steps.Count;
        _steps.Add(new TraceStep(index, _line, [.. _changes], [.. _touched.Where(o => _live.ContainsKey(o.Id)).Select(Describe)],
            [.. _freed], [.. _collections], stdoutLength) { Allocator = _allocator?.TakeChange() });
        _changes.Clear();
        _touched.Clear();
        _freed.Clear();
        _collections.Clear();
        _open = false;
        if ((index + 1) % _interval == 0)
        {
            _checkpoints.Add(Checkpoint(index));
        }
    }

    private HeapCheckpoint Checkpoint(int stepIndex) =>
        new(stepIndex, [.. _live.Values.Select(Describe)], [.. _interp!.Gc.Counts]) { Allocator = _interp.Allocator.State() };

    private HeapObject Describe(PyObject o)
    {
        var refs = new List<PyObject>();
        o.Traverse(refs);
        return new HeapObject(o.Id, o.Type?.Name ?? "object", SafeRepr(o), (int)_interp!.SizeOf(o), o.RefCount, o.Shared,
            o.Generation, [.. refs.Select(r => r.Id)], _interp.Address(o));
    }

    /// <summary>A short description that never runs student code (no __repr__ calls).</summary>
    private string SafeRepr(PyObject o) => o switch
    {
        PyInt or PyFloat or PyNone => _interp!.Repr(o),
        PyStr s => Interpreter.StrRepr(s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value),
        PyList l => $"list of {l.Items.Count}",
        PyTuple t => $"tuple of {t.Items.Length}",
        PyDict d => $"dict of {d.Table.Count}",
        PySet s => $"set of {s.Table.Count}",
        PyInstance i => $"{i.Type.Name} object",
        PyFunction f => $"function {f.QualName}",
        PyType t => $"class {t.Name}",
        _ => o.Type?.Name ?? "object",
    };
}
