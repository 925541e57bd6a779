"""RawValue and RawArray (Lib/multiprocessing/sharedctypes.py): plain ctypes objects in shared memory,
with no lock around them. There is no Python-level accessor to wrap: `obj.value` and `obj[i]` are
ctypes' own C getters. So every shared ctypes object is made, in rebuild_ctype (which both _new_value in
the creating process and unpickling in a spawn child go through), as an instance of a small subclass of
its ctypes type whose `value` / item access reports `value.read`/`value.write` or `array.read`/
`array.write`, like Value and Array do. The subclass is pickled as its base type, so a child that
rebuilds it gets the subclass again from its own rebuild_ctype.

Value(lock=True) and Array(lock=True) wrap such an object in Synchronized*; their accessors already
report (patches._sharedctypes) and run the raw access under quiet(), so one operation is one event."""
import ctypes

from .channel import emit, step, suppressed

_classes = {}


def _raw_name(obj, kind):
    """The object's offset in multiprocessing's shared heap (Lib/multiprocessing/heap.py: a
    BufferWrapper's state is ((arena, start, stop), size)): the same in the creating process, a fork
    child and a spawn child, where addresses differ."""
    try:
        return f"{kind}-{obj._wrapper._state[0][1]:#x}"
    except Exception:
        return f"{kind}-{id(obj):x}"


def _scalar_class(base):
    get, put = base.value.__get__, base.value.__set__

    def getvalue(self):
        if suppressed():
            return get(self)
        name = _raw_name(self, "RawValue")
        step("value.read", target=name)
        v = get(self)
        emit("value.read", target=name, value=v, raw=True)
        return v

    def setvalue(self, v):
        if suppressed():
            return put(self, v)
        name = _raw_name(self, "RawValue")
        step("value.write", target=name, value=v)
        put(self, v)
        emit("value.write", target=name, value=v, raw=True)

    return type(base.__name__, (base,), {"value": property(getvalue, setvalue), "__slots__": ()})


def _array_class(base):
    gi, si = base.__getitem__, base.__setitem__

    def getitem(self, i):
        if suppressed():
            return gi(self, i)
        name = _raw_name(self, "RawArray")
        step("array.read", target=name, index=i if isinstance(i, int) else None)
        v = gi(self, i)
        emit("array.read", target=name, index=i if isinstance(i, int) else str(i), value=v, raw=True)
        return v

    def setitem(self, i, v):
        if suppressed():
            return si(self, i, v)
        name = _raw_name(self, "RawArray")
        step("array.write", target=name, index=i if isinstance(i, int) else None)
        si(self, i, v)
        emit("array.write", target=name, index=i if isinstance(i, int) else str(i), value=v, raw=True)

    return type(base.__name__, (base,), {"__getitem__": getitem, "__setitem__": setitem, "__slots__": ()})


def _instrumented(base):
    cls = _classes.get(base)
    if cls is None:
        if issubclass(base, ctypes.Array):
            cls = _array_class(base)
        elif issubclass(base, ctypes._SimpleCData) and hasattr(base, "value"):
            cls = _scalar_class(base)
        else:
            return None
        cls._pg_base = base
        _classes[base] = cls
    return cls


def install():
    from multiprocessing import sharedctypes as sc
    from multiprocessing.reduction import ForkingPickler

    rebuild = sc.rebuild_ctype

    def reduce(obj):
        # what reduce_ctype sends, naming the plain ctypes type: the subclass is ours to re-create
        sc.assert_spawning(obj)
        if isinstance(obj, ctypes.Array):
            return sc.rebuild_ctype, (obj._type_, obj._wrapper, obj._length_)
        return sc.rebuild_ctype, (type(obj)._pg_base, obj._wrapper, None)

    def pg_rebuild_ctype(type_, wrapper, length):
        obj = rebuild(type_, wrapper, length)
        try:
            cls = _instrumented(type(obj))
            if cls is None:
                return obj
            view = cls.from_buffer(obj)
            view._wrapper = wrapper
            ForkingPickler.register(cls, reduce)
            return view
        except Exception:
            return obj

    # pickle finds the function by its module and name (the child's copy is this same wrapper)
    pg_rebuild_ctype.__module__, pg_rebuild_ctype.__qualname__, pg_rebuild_ctype.__name__ = (
        "multiprocessing.sharedctypes", "rebuild_ctype", "rebuild_ctype")
    sc.rebuild_ctype = pg_rebuild_ctype
