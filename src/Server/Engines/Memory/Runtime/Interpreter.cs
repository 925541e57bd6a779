using System.Numerics;
using Playground.Engines.Memory.Allocation;
using System.Text;
using Playground.Engines.Memory.Syntax;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The simulated interpreter state: the object model with reference counts (Include/object.h Py_INCREF /
/// Py_DECREF), deallocation at zero (each type's tp_dealloc, in CPython's order), the type free lists that
/// decide whether a new list/tuple/dict goes through the GC allocator (and so moves gen0's count), and the
/// collector's generations. Evaluation lives in the other parts of this partial class.
/// </summary>
internal sealed partial class Interpreter
{
    public const int RecursionLimit = 1000;

    // Objects/listobject.c PyList_MAXFREELIST, Objects/dictobject.c PyDict_MAXFREELIST,
    // Include/internal/pycore_tuple.h PyTuple_MAXSAVESIZE / PyTuple_MAXFREELIST (3.11).
    private const int ListFreeListMax = 80;
    private const int DictFreeListMax = 80;
    private const int TupleFreeListSizes = 20;
    private const int TupleFreeListMax = 2000;

    // Include/internal/pycore_floatobject.h PyFloat_MAXFREELIST (3.11): float_dealloc keeps up to 100
    // freed floats for PyFloat_FromDouble to reuse, so their blocks stay allocated in pymalloc.
    private const int FloatFreeListMax = 100;

    private readonly int[] _tupleFree = new int[TupleFreeListSizes + 1];

    // The memory of objects parked on a free list stays allocated in pymalloc and is reused as is.
    private readonly Stack<ulong> _listFreeMemory = new();
    private readonly Stack<ulong> _dictFreeMemory = new();
    private readonly Stack<ulong> _floatFreeMemory = new();
    private readonly Stack<ulong>[] _tupleFreeMemory = [.. Enumerable.Range(0, TupleFreeListSizes + 1).Select(_ => new Stack<ulong>())];
    private readonly Dictionary<long, PyInt> _smallInts = [];
    private readonly Dictionary<string, PyStr> _interned = new(StringComparer.Ordinal);
    private readonly StringBuilder _stdout;
    private readonly SimulationOptions _options;
    private readonly DateTime _deadline;
    private int _listFree;
    private int _dictFree;
    private long _nextId = 1;
    private int _deallocDepth;
    private readonly List<PyObject> _deferredDeallocs = [];
    private int _callDepth;
    private long _steps;
    private long _nextClockCheck = ClockCheckInterval;
    private readonly CancellationToken _cancellation;

    // How many steps (or units of work inside one) between two looks at the clock and the cancellation token.
    private const long ClockCheckInterval = 1024;

    // The most memory one object may ask for when no limit is set: beyond it the host could not hold the
    // object, so the request fails as malloc would in CPython (MemoryError), not by crashing the engine.
    private const long HostObjectBytesLimit = 256L * 1024 * 1024;

    public Interpreter(SimulationOptions options, StringBuilder stdout, TraceRecorder? recorder, CancellationToken cancellation = default)
    {
        _options = options;
        _cancellation = cancellation;
        _stdout = stdout;
        Recorder = recorder;
        _deadline = options.WallTime is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        Types = new TypeTable();
        None = new PyNone(Types.NoneType) { Shared = true, RefCount = StaticRefCount, Id = _nextId++ };
        True = new PyInt(Types.Bool, 1) { Shared = true, RefCount = StaticRefCount, Id = _nextId++ };
        False = new PyInt(Types.Bool, 0) { Shared = true, RefCount = StaticRefCount, Id = _nextId++ };
        Gc = new Collector(this);
        Globals = new Dictionary<string, PyObject>(StringComparer.Ordinal);
        InitBuiltins();
        Gc.Counts[0] = 0;
        recorder?.Attach(this);
    }

    /// <summary>Static objects start at 999999999 in 3.11 (_PyObject_IMMORTAL_INIT) and are never freed.</summary>
    public const long StaticRefCount = 999_999_999;

    public TypeTable Types { get; }

    public PyNone None { get; }

    public PyInt True { get; }

    public PyInt False { get; }

    public Collector Gc { get; }

    public TraceRecorder? Recorder { get; }

    public Dictionary<string, PyObject> Globals { get; }

    /// <summary>pymalloc: every object the program makes gets its block (and so its address) here.</summary>
    public PyMalloc Allocator { get; } = new();

    public long LiveObjects { get; private set; }

    public int CurrentLine { get; set; }

    public string[] SourceLines { get; set; } = [];

    public string FileName { get; set; } = "<playground>";

    // ---- allocation ----------------------------------------------------------------------------

    private T Register<T>(T o)
        where T : PyObject
    {
        o.Id = _nextId++;
        LiveObjects++;
        if (o.Address == 0)
        {
            o.Address = Allocator.Malloc(RequestSize(o));
        }

        if (_options.MaxObjects is { } max && LiveObjects > max)
        {
            throw new SimulationLimitException(Shared.Memory.RunOutcome.ObjectLimit,
                $"line {CurrentLine}: the program made more than {max:N0} live objects, the playground's limit");
        }

        Recorder?.Allocated(o);
        return o;
    }

    /// <summary>_PyObject_GC_Link: a GC-capable object allocated through the GC allocator counts towards gen0.</summary>
    private void GcAlloc() => Gc.OnGcAlloc();

    public PyInt NewInt(long v)
    {
        if (v >= -5 && v <= 256)
        {
            return SmallInt(v);
        }

        return Register(new PyInt(Types.Int, v));
    }

    public PyInt NewInt(BigInteger v) =>
        v >= long.MinValue && v <= long.MaxValue ? NewInt((long)v) : Register(new PyInt(Types.Int, v));

    /// <summary>The small-int cache, -5..256 (_PY_NSMALLNEGINTS, _PY_NSMALLPOSINTS): statically allocated in 3.11.</summary>
    public PyInt SmallInt(long v)
    {
        if (!_smallInts.TryGetValue(v, out var o))
        {
            o = new PyInt(Types.Int, v) { Shared = true, RefCount = StaticRefCount, Id = _nextId++ };
            _smallInts[v] = o;
        }

        o.RefCount++;
        return o;
    }

    public PyInt Bool(bool b)
    {
        var o = b ? True : False;
        o.RefCount++;
        return o;
    }

    public PyNone NewNone()
    {
        None.RefCount++;
        return None;
    }

    /// <summary>PyFloat_FromDouble: the last float freed, from the free list, else a new block.</summary>
    public PyFloat NewFloat(double v) =>
        Register(new PyFloat(Types.Float, v) { Address = _floatFreeMemory.Count > 0 ? _floatFreeMemory.Pop() : 0 });

    /// <summary>A string made at run time: '' and one-character Latin-1 strings are static singletons, others are new.</summary>
    public PyStr NewStr(string s)
    {
        if (s.Length == 0 || (s.Length == 1 && s[0] < 256))
        {
            return Intern(s, true);
        }

        return Register(new PyStr(Types.Str, s));
    }

    public PyStr Intern(string s, bool newReference)
    {
        if (!_interned.TryGetValue(s, out var o))
        {
            o = new PyStr(Types.Str, s) { Shared = true, Interned = true, RefCount = StaticRefCount, Id = _nextId++ };
            _interned[s] = o;
        }

        if (newReference)
        {
            o.RefCount++;
        }

        return o;
    }

    /// <summary>sys.intern: returns the interned string equal to <paramref name="s"/>, interning it if needed.</summary>
    public PyStr InternObject(PyStr s)
    {
        if (s.Interned)
        {
            s.RefCount++;
            return s;
        }

        if (_interned.TryGetValue(s.Value, out var existing))
        {
            existing.RefCount++;
            return existing;
        }

        s.Interned = true;
        _interned[s.Value] = s;
        s.RefCount++;
        return s;
    }

    public PyList NewList(int capacity = 0)
    {
        ulong address = 0;
        if (_listFree > 0)
        {
            _listFree--;
            address = _listFreeMemory.Pop();
        }
        else
        {
            GcAlloc();
        }

        var l = Register(new PyList(Types.List) { Allocated = capacity, Address = address });
        Gc.Track(l);
        return l;
    }

    public PyTuple NewTuple(PyObject[] items)
    {
        if (items.Length == 0)
        {
            var e = Types.EmptyTuple;
            e.RefCount++;
            return e;
        }

        ulong address = 0;
        if (items.Length <= TupleFreeListSizes && _tupleFree[items.Length] > 0)
        {
            _tupleFree[items.Length]--;
            address = _tupleFreeMemory[items.Length].Pop();
        }
        else
        {
            GcAlloc();
        }

        var t = Register(new PyTuple(Types.Tuple, items) { Address = address });
        Gc.Track(t);
        return t;
    }

    public PyDict NewDict()
    {
        ulong address = 0;
        if (_dictFree > 0)
        {
            _dictFree--;
            address = _dictFreeMemory.Pop();
        }
        else
        {
            GcAlloc();
        }

        // A new dict starts untracked; it is tracked when a value that may be tracked is stored (MAINTAIN_TRACKING).
        return Register(new PyDict(Types.Dict) { Address = address });
    }

    public PySet NewSet()
    {
        GcAlloc();
        var s = Register(new PySet(Types.Set));
        Gc.Track(s);
        return s;
    }

    public PyInstance NewInstance(PyType type)
    {
        GcAlloc();
        var o = Register(new PyInstance(type));
        Incref(type, Why.TypeOfInstance);
        Gc.Track(o);
        return o;
    }

    public PyIterator NewIterator(PyType type, PyObject source)
    {
        if (type != Types.RangeIterator)
        {
            GcAlloc();
        }

        var it = Register(new PyIterator(type, source));
        Incref(source, Why.HeldByIterator);
        if (type != Types.RangeIterator)
        {
            Gc.Track(it);
        }

        return it;
    }

    public PyRange NewRange(long start, long stop, long step) => Register(new PyRange(Types.Range, start, stop, step));

    /// <param name="closure">
    /// The function closes over its enclosing function's frame. The model keeps that whole frame rather
    /// than CPython's cells, and does not release what the cells hold or traverse them, so such a function's
    /// count and its cycles (a local function that calls itself) are not CPython's: it is drawn as shared,
    /// as the interpreter's own objects are, and its changes are not logged.
    /// </param>
    public PyFunction NewFunction(string name, Scope scope, Parameters p, Stmt[]? body, Expr? lambdaBody, bool closure = false)
    {
        GcAlloc();
        var f = Register(new PyFunction(Types.Function, name, scope, p, body, lambdaBody) { Shared = closure });
        Gc.Track(f);
        return f;
    }

    public PyMethod NewMethod(PyFunction f, PyObject self)
    {
        GcAlloc();
        var m = Register(new PyMethod(Types.Method, f, self));
        Incref(f, Why.HeldByBoundMethod);
        Incref(self, Why.HeldByBoundMethod);
        Gc.Track(m);
        return m;
    }

    public PyBuiltin NewBuiltinMethod(string name, BuiltinBody body, PyObject self)
    {
        GcAlloc();
        var m = Register(new PyBuiltin(Types.BuiltinFunction, name, body, self));
        Incref(self, Why.HeldByBoundMethod);
        Gc.Track(m);
        return m;
    }

    public PyWeakRef NewWeakRef(PyObject referent, PyObject? callback)
    {
        GcAlloc();
        var w = Register(new PyWeakRef(Types.WeakRef, referent, callback));
        if (callback != null)
        {
            Incref(callback, Why.HeldByWeakref);
        }

        (referent.Weakrefs ??= []).Insert(callback == null ? 0 : referent.Weakrefs?.Count ?? 0, w);
        Gc.Track(w);
        return w;
    }

    public PyInstance NewException(PyType type, string message)
    {
        var e = NewInstance(type);
        e.Args = [NewStr(message)];
        return e;
    }

    // ---- reference counting ----------------------------------------------------------------------

    public void Incref(PyObject o, Why why, string? detail = null)
    {
        o.RefCount++;
        if (Recorder != null && !o.Shared)
        {
            Recorder.RefChange(o, 1, why, detail, CurrentLine);
        }
    }

    public void Decref(PyObject o, Why why, string? detail = null)
    {
        var count = --o.RefCount;
        if (Recorder != null && !o.Shared)
        {
            Recorder.RefChange(o, -1, why, detail, CurrentLine);
        }

        if (count == 0)
        {
            Dealloc(o);
        }
    }

    public void XDecref(PyObject? o, Why why, string? detail = null)
    {
        if (o != null)
        {
            Decref(o, why, detail);
        }
    }

    /// <summary>
    /// tp_dealloc. Deep chains are deferred past a depth, as CPython's trashcan (Py_TRASHCAN_BEGIN) does,
    /// so freeing a long linked structure cannot overflow the stack.
    /// </summary>
    private void Dealloc(PyObject o)
    {
        if (o.Shared && o is not PyFunction and not PyType)
        {
            o.RefCount = StaticRefCount;
            return;
        }

        if (_deallocDepth > 200)
        {
            _deferredDeallocs.Add(o);
            return;
        }

        _deallocDepth++;
        try
        {
            DeallocNow(o);
        }
        finally
        {
            _deallocDepth--;
        }

        if (_deallocDepth == 0)
        {
            while (_deferredDeallocs.Count > 0)
            {
                var next = _deferredDeallocs[^1];
                _deferredDeallocs.RemoveAt(_deferredDeallocs.Count - 1);
                _deallocDepth++;
                try
                {
                    DeallocNow(next);
                }
                finally
                {
                    _deallocDepth--;
                }
            }
        }
    }

    private void DeallocNow(PyObject o)
    {
        switch (o)
        {
            case PyInstance inst:
                if (!inst.Finalized && inst.Type.Lookup("__del__") is PyFunction)
                {
                    // subtype_dealloc -> PyObject_CallFinalizerFromDealloc: resurrect for the call (PEP 442).
                    inst.Finalized = true;
                    o.RefCount = 1;
                    CallFinalizer(inst);
                    if (--o.RefCount > 0)
                    {
                        Recorder?.Note(o, Why.Resurrected);
                        return;
                    }
                }

                Gc.Untrack(o);
                ClearWeakrefs(o);
                foreach (var v in inst.Attributes.Values.ToArray())
                {
                    Decref(v, Why.ContainerFreed, "attribute");
                }

                inst.Attributes.Clear();
                if (inst.Args != null)
                {
                    foreach (var a in inst.Args)
                    {
                        Decref(a, Why.ContainerFreed);
                    }

                    inst.Args = null;
                }

                if (inst.Context is { } context)
                {
                    inst.Context = null;
                    Decref(context, Why.ContainerFreed, "__context__");
                }

                Freed(o, true);
                Decref(inst.Type, Why.ContainerFreed, "type");
                return;
            case PyList l:
                Gc.Untrack(o);
                for (var i = l.Items.Count - 1; i >= 0; i--)
                {
                    Decref(l.Items[i], Why.ContainerFreed);
                }

                l.Items.Clear();
                if (_listFree < ListFreeListMax)
                {
                    _listFree++;
                    _listFreeMemory.Push(o.Address);
                    Freed(o, false, toFreeList: true);
                }
                else
                {
                    Freed(o, true);
                }

                return;
            case PyTuple t:
                Gc.Untrack(o);
                for (var i = t.Items.Length - 1; i >= 0; i--)
                {
                    Decref(t.Items[i], Why.ContainerFreed);
                }

                var kept = PushedOnTupleFreeList(t.Items.Length, o.Address);
                Freed(o, gcDel: !kept, toFreeList: kept);

                return;
            case PyDict d:
                Gc.Untrack(o);
                foreach (var (k, v) in d.Table.Entries())
                {
                    Decref(k, Why.ContainerFreed, "key");
                    Decref(v!, Why.ContainerFreed, "value");
                }

                d.Table.Clear();
                var keptDict = PushedOnDictFreeList(o.Address);
                Freed(o, gcDel: !keptDict, toFreeList: keptDict);

                return;
            case PySet s:
                Gc.Untrack(o);
                ClearWeakrefs(o);
                foreach (var (k, _) in s.Table.Entries())
                {
                    Decref(k, Why.ContainerFreed);
                }

                s.Table.Clear();
                Freed(o, true);
                return;
            case PyIterator it:
                Gc.Untrack(o);
                var src = it.Source;
                it.Source = null;
                XDecref(src, Why.ContainerFreed);
                Freed(o, it.Type != Types.RangeIterator);
                return;
            case PyWeakRef w:
                Gc.Untrack(o);
                w.Referent?.Weakrefs?.Remove(w);
                w.Referent = null;
                var cb = w.Callback;
                w.Callback = null;
                XDecref(cb, Why.ContainerFreed);
                Freed(o, true);
                return;
            case PyMethod m:
                Gc.Untrack(o);
                Decref(m.Self, Why.ContainerFreed);
                Decref(m.Function, Why.ContainerFreed);
                Freed(o, true);
                return;
            case PyBuiltin b:
                Gc.Untrack(o);
                XDecref(b.Self, Why.ContainerFreed);
                Freed(o, b.Self != null);
                return;
            case PyFunction f:
                Gc.Untrack(o);
                ClearWeakrefs(o);
                foreach (var d in f.Defaults)
                {
                    XDecref(d, Why.ContainerFreed);
                }

                f.Defaults = [];
                Freed(o, true);
                return;
            case PyType ty:
                Gc.Untrack(o);
                ClearWeakrefs(o);
                foreach (var v in ty.Dict.Values.ToArray())
                {
                    Decref(v, Why.ContainerFreed);
                }

                ty.Dict.Clear();
                Freed(o, true);
                if (ty.IsHeapType)
                {
                    FreeClassStructures(ty);
                }

                // type_dealloc: the __mro__ if tp_clear has not dropped it, then __bases__ and tp_base
                DropMro(ty, Why.ContainerFreed);

                if (ty.Base != null)
                {
                    Decref(ty.Base, Why.ContainerFreed, ty.Name + ".__bases__");
                    Decref(ty.Base, Why.ContainerFreed, ty.Name);
                }

                return;
            case PySlice sl:
                Decref(sl.Lower, Why.Temporary);
                Decref(sl.Upper, Why.Temporary);
                Decref(sl.Step, Why.Temporary);
                return;
            case PyFloat when _floatFreeMemory.Count < FloatFreeListMax:
                _floatFreeMemory.Push(o.Address);
                Freed(o, false, toFreeList: true);
                return;
            case PyStr str when str.Interned:
                _interned.Remove(str.Value);
                Freed(o, false);
                return;
            default:
                Freed(o, false);
                return;
        }
    }

    private void Freed(PyObject o, bool gcDel, bool toFreeList = false)
    {
        LiveObjects--;
        if (!toFreeList && o.Address != 0)
        {
            Allocator.Free(o.Address);
        }

        if (gcDel && o.IsGcType)
        {
            Gc.OnGcDel();
        }

        Recorder?.Freed(o);
    }

    /// <summary>PyObject_ClearWeakRefs: clear every weakref to <paramref name="o"/>, then call their callbacks, newest first.</summary>
    public void ClearWeakrefs(PyObject o)
    {
        if (o.Weakrefs is not { Count: > 0 } refs)
        {
            return;
        }

        var list = refs.ToArray();
        refs.Clear();
        foreach (var w in list)
        {
            w.Referent = null;
        }

        for (var i = list.Length - 1; i >= 0; i--)
        {
            var w = list[i];
            if (w.Callback is { } cb && w.RefCount > 0)
            {
                Incref(w, Why.Temporary);
                try
                {
                    var r = Call(cb, [w], null);
                    Decref(r, Why.Temporary);
                }
                catch (PyException e)
                {
                    WriteUnraisable(e, "weakref callback");
                }

                w.Callback = null;
                Decref(cb, Why.ContainerFreed);
            }
        }
    }

    private void CallFinalizer(PyInstance inst)
    {
        var del = (PyFunction)inst.Type.Lookup("__del__")!;
        try
        {
            inst.RefCount++;
            var r = CallFunction(del, [inst], null);
            Decref(r, Why.Temporary);
        }
        catch (PyException e)
        {
            WriteUnraisable(e, $"{del.QualName}");
        }
    }

    /// <summary>Exceptions in __del__ and callbacks are printed to stderr ("Exception ignored in: ...") and swallowed.</summary>
    private void WriteUnraisable(PyException e, string where)
    {
        Stderr.Append("Exception ignored in: ").Append(where).Append('\n');
        Stderr.Append(FormatTraceback(e.Value));
    }

    public StringBuilder Stderr { get; } = new();

    public void WriteStdout(string s) => _stdout.Append(s);

    public void Step(int line)
    {
        CurrentLine = line;
        Work();
        Recorder?.Step(line, _stdout.Length);
    }

    /// <summary>
    /// One unit of work that is not a line of its own: an iteration of a comprehension, or of the loop a
    /// builtin runs over its argument (list(), sum(), sorted(), ...). In CPython these are bytecode loops
    /// inside one line, so a single line can run for ever (<c>[0 for i in range(10**9)]</c>); they count
    /// against the step limit and the wall time like lines, so the limits hold within a step. Bulk copies
    /// (a repeat, a big power) pass the work they do in <paramref name="units"/>.
    /// </summary>
    public void Work(long units = 1)
    {
        _steps += units;
        if (_options.MaxSteps is { } max && _steps > max)
        {
            throw new SimulationLimitException(Shared.Memory.RunOutcome.StepLimit,
                $"line {CurrentLine}: the program ran more than {max:N0} steps, the playground's limit");
        }

        if (_steps >= _nextClockCheck)
        {
            _nextClockCheck = _steps + ClockCheckInterval;
            CheckClock();
        }
    }

    private void CheckClock()
    {
        if (_cancellation.IsCancellationRequested)
        {
            throw new SimulationLimitException(Shared.Memory.RunOutcome.TimeLimit, $"line {CurrentLine}: the run was cancelled");
        }

        if (DateTime.UtcNow > _deadline)
        {
            throw new SimulationLimitException(Shared.Memory.RunOutcome.TimeLimit,
                $"line {CurrentLine}: the program ran longer than {_options.WallTime!.Value.TotalSeconds:0.#} s, the playground's limit");
        }
    }

    /// <summary>
    /// Checked before an object whose size the program chose is built (<c>'a' * n</c>, <c>[0] * n</c>,
    /// <c>x ** n</c>): one request of <paramref name="bytes"/> bytes, as CPython would pass to malloc. Over the
    /// playground's limit it stops the run (the partial trace is kept) before any time or memory is spent;
    /// with no limit, a request the host cannot hold fails as CPython's does when malloc returns NULL:
    /// MemoryError with no message (PyErr_NoMemory, Objects/object.c).
    /// </summary>
    public void ReserveObjectBytes(BigInteger bytes)
    {
        if (_options.MaxObjectBytes is { } max && bytes > max)
        {
            throw new SimulationLimitException(Shared.Memory.RunOutcome.ObjectLimit,
                $"line {CurrentLine}: the program asked for an object of {bytes:N0} bytes, more than the playground's limit of {max:N0}");
        }

        if (bytes > HostObjectBytesLimit)
        {
            var e = NewInstance(Types.MemoryError);
            e.Args = [];
            throw new PyException(e);
        }

        CheckClock();
    }

    public long Steps => _steps;
}
