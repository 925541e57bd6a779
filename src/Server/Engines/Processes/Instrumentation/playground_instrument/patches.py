"""The wrappers, one small block per multiprocessing concept. Each saves the original, reports around
it, and calls it outside any try so the student's exceptions are the ones they would get anyway."""
import os
import sys
import threading
import time

from . import names
from .channel import emit, quiet, reported_from_this_thread, step, suppressed

_tl = threading.local()


def _safe(fn):
    try:
        fn()
    except Exception:
        pass


def ident(obj):
    """A name for a primitive that is the same in every process: the name the student gave it
    (names.py), else the POSIX semaphore's name when it has one (spawn, forkserver), else the sem_t
    address, which a fork child shares with its parent."""
    try:
        if getattr(obj, "_pg_id", None):
            return obj._pg_id
        if getattr(obj, "_pg_key", None):
            return f"{type(obj).__name__}-{obj._pg_key}"
        sl = getattr(obj, "_semlock", None)
        if sl is not None:
            key = sl.name or hex(sl.handle)
            return f"{type(obj).__name__}-{key.lstrip('/').replace('mp-', '')}"
    except Exception:
        pass
    return f"{type(obj).__name__}-{id(obj):x}"


# Modules through which a student's call reaches the object it creates (multiprocessing.Lock() goes
# through context.py to synchronize.py; Value's lock is made in sharedctypes.py on the student's behalf).
# Any other module of multiprocessing that creates a Pipe or a SemLock does so for itself: Queue's pipe
# and locks (queues.py), Pool's task and result queues (pool.py), managers, the resource tracker.
_ON_BEHALF = frozenset({"multiprocessing", "multiprocessing.context", "multiprocessing.synchronize",
                        "multiprocessing.sharedctypes", "multiprocessing.connection"})


def made_by_library():
    """Whether the object being created is multiprocessing's own: the first caller outside our module
    and outside the modules above is inside multiprocessing."""
    try:
        f = sys._getframe(2)
        while f is not None:
            module = f.f_globals.get("__name__") or ""
            if module in _ON_BEHALF or module.startswith("playground_instrument"):
                f = f.f_back
                continue
            return module.startswith("multiprocessing.")
    except Exception:
        pass
    return False


def install():
    names.install()
    _threads()
    _sleep()
    _process()
    _synchronize()
    _queues()
    _connection()
    _sharedctypes()
    from . import rawctypes, shm

    rawctypes.install()
    shm.install()
    _pool()


# --- Threads: Lib/threading.py -------------------------------------------------------------------
def _threads():
    bootstrap_inner = threading.Thread._bootstrap_inner

    def pg_bootstrap_inner(self):
        try:
            bootstrap_inner(self)
        finally:
            # only threads that reported something: the detector has never heard of the others
            if reported_from_this_thread():
                _safe(lambda: emit("thread.exit", thread_name=self.name))

    threading.Thread._bootstrap_inner = pg_bootstrap_inner


# --- time.sleep ------------------------------------------------------------------------------------
def _sleep():
    import functools

    sleep = time.sleep
    # modules whose own sleeps are not the student's: this module's event flusher polls with one
    library = ("playground_instrument", "multiprocessing", "threading", "concurrent.", "asyncio", "queue",
               "logging", "selectors", "subprocess")

    @functools.wraps(sleep)
    def pg_sleep(*args, **kwargs):
        # A sleeping process is neither running nor waiting for another: its lane says so. A thread's
        # sleep is reported too (with its thread), so that the deadlock detector knows the thread is
        # alive and will go on; the lane shows only the main thread's. Anything but one positional
        # argument goes to time.sleep as it is, to fail as it fails.
        if suppressed() or kwargs or len(args) != 1 or sys._getframe(1).f_globals.get("__name__", "").startswith(library):
            return sleep(*args, **kwargs)
        emit("sleep.begun", seconds=args[0])
        try:
            return sleep(args[0])
        finally:
            emit("sleep.done")

    time.sleep = pg_sleep


# --- Process: Lib/multiprocessing/process.py ------------------------------------------------------
def _process():
    from multiprocessing import process, reduction

    base = process.BaseProcess
    start, bootstrap, join = base.start, base._bootstrap, base.join
    dump = reduction.dump

    def counting_dump(obj, file, protocol=None):
        before = _tell(file)
        r = dump(obj, file, protocol)
        _safe(lambda: setattr(_tl, "dumped", getattr(_tl, "dumped", 0) + _tell(file) - before))
        return r

    reduction.dump = counting_dump

    def pg_start(self):
        _safe(lambda: setattr(self, "_pg_t0", time.monotonic()))
        _tl.dumped = 0
        target = getattr(getattr(self, "_target", None), "__name__", None)
        start(self)
        _safe(lambda: emit("process.start", child=self.pid, child_name=self.name,
                           start_method=getattr(self._popen, "method", None),
                           pickled_bytes=getattr(_tl, "dumped", 0) or None,
                           target=target))

    def pg_bootstrap(self, *args, **kwargs):
        _safe(lambda: emit("process.run", _name=self.name, ppid=os.getppid(), start_method=getattr(self, "_start_method", None) or _method(),
                           startup_ms=round((time.monotonic() - self._pg_t0) * 1000, 3)
                           if hasattr(self, "_pg_t0") else None))
        code = bootstrap(self, *args, **kwargs)
        from . import output

        _safe(output.flush_all)
        from . import cpu_seconds

        # _bootstrap returns sys.exit's argument, which os._exit hands to the kernel as one byte: the
        # parent's p.exitcode for sys.exit(-1) is 255. A negative exitcode is kept for a signal.
        _safe(lambda: emit("process.exit", exitcode=code & 0xFF if isinstance(code, int) else code, cpu_s=cpu_seconds()))
        return code

    def pg_join(self, timeout=None):
        step("process.join", target=self.name)
        _safe(lambda: emit("process.join.begun", child=self.pid, child_name=self.name, timeout=timeout))
        r = join(self, timeout)
        _safe(lambda: emit("process.join.done", child=self.pid, child_name=self.name, exitcode=self.exitcode))
        return r

    base.start, base._bootstrap, base.join = pg_start, pg_bootstrap, pg_join


def _tell(f):
    try:
        return f.tell()
    except Exception:
        return 0


def _method():
    try:
        import multiprocessing

        return multiprocessing.get_start_method(allow_none=True)
    except Exception:
        return None


# --- Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier: synchronize.py ------------
def _synchronize():
    from multiprocessing import synchronize as s

    make, init = s.SemLock._make_methods, s.SemLock.__init__
    getstate, setstate = s.SemLock.__getstate__, s.SemLock.__setstate__

    def pg_init(self, *a, **k):
        init(self, *a, **k)
        if made_by_library():
            self._pg_internal = True
        if names.current():
            self._pg_key = names.current()

    # a spawn child must know a lock is multiprocessing's own too, and its name: both travel with the
    # pickled state
    def pg_getstate(self):
        return getstate(self) + (getattr(self, "_pg_internal", False), getattr(self, "_pg_key", None))

    def pg_setstate(self, state):
        setstate(self, state[:-2])
        if state[-2]:
            self._pg_internal = True
        if state[-1]:
            self._pg_key = state[-1]

    s.SemLock.__init__, s.SemLock.__getstate__, s.SemLock.__setstate__ = pg_init, pg_getstate, pg_setstate

    def pg_make_methods(self):
        make(self)
        acquire, release = self.acquire, self.release

        def pg_acquire(block=True, timeout=None):
            if suppressed() or getattr(self, "_pg_internal", False):
                return acquire(block, timeout)
            name = ident(self)
            step("lock.acquire", lock=name)
            emit("lock.requested", lock=name, type=type(self).__name__, block=block, timeout=timeout)
            ok = acquire(block, timeout)
            emit("lock.acquired" if ok else "lock.timeout", lock=name)
            return ok

        def pg_release():
            if suppressed() or getattr(self, "_pg_internal", False):
                return release()
            name = ident(self)
            step("lock.release", lock=name)
            # stamped before the release so the next holder's lock.acquired always sorts after it
            ts = time.monotonic()
            release()
            emit("lock.released", _ts=ts, lock=name)

        self.acquire, self.release = pg_acquire, pg_release

    s.SemLock._make_methods = pg_make_methods
    s.SemLock.__enter__ = lambda self: self.acquire()
    s.SemLock.__exit__ = lambda self, *a: self.release()

    cond = s.Condition
    c_wait, c_notify, c_notify_all = cond.wait, cond.notify, cond.notify_all

    def cname(self):
        # named as its lock is: Condition() makes an RLock that takes the condition's name, and
        # Condition(lock) is known by the lock it was given
        return "Condition-" + ident(self._lock).split("-", 1)[-1]

    # Event and Barrier are built on a Condition: inside their wrappers (quiet) it is not the student's
    def pg_cond_wait(self, timeout=None):
        if suppressed():
            return c_wait(self, timeout)
        lock, name = ident(self._lock), cname(self)
        step("condition.wait", condition=name)
        # wait() releases the condition's lock and takes it back; report that as the student sees it.
        # The release comes first: any event after a *.begun means the thread runs again
        emit("lock.released", lock=lock)
        emit("condition.wait.begun", condition=name, lock=lock, timeout=timeout)
        with quiet():
            ok = c_wait(self, timeout)
        emit("lock.acquired", lock=lock)
        emit("condition.wait.done", condition=name, notified=ok)
        return ok

    def pg_notify(self, n=1):
        if suppressed():
            return c_notify(self, n)
        step("condition.notify", condition=cname(self))
        # stamped before, like lock.released: the woken process may report before notify() returns here
        ts = time.monotonic()
        with quiet():
            c_notify(self, n)
        emit("condition.notify", _ts=ts, condition=cname(self), lock=ident(self._lock), n=n)

    def pg_notify_all(self):
        if suppressed():
            return c_notify_all(self)
        step("condition.notify_all", condition=cname(self))
        ts = time.monotonic()
        with quiet():
            c_notify_all(self)
        emit("condition.notify_all", _ts=ts, condition=cname(self), lock=ident(self._lock))

    cond.wait, cond.notify, cond.notify_all = pg_cond_wait, pg_notify, pg_notify_all

    ev = s.Event
    e_set, e_clear, e_wait = ev.set, ev.clear, ev.wait

    def ev_name(self):
        return "Event-" + ident(self._flag).split("-", 1)[-1]

    def pg_set(self):
        step("event.set", event=ev_name(self))
        # stamped before the set: a waiter wakes and may report before set() returns here
        ts = time.monotonic()
        with quiet():
            e_set(self)
        emit("event.set", _ts=ts, event=ev_name(self))

    def pg_clear(self):
        step("event.clear", event=ev_name(self))
        with quiet():
            e_clear(self)
        emit("event.clear", event=ev_name(self))

    def pg_ev_wait(self, timeout=None):
        step("event.wait", event=ev_name(self))
        emit("event.wait.begun", event=ev_name(self), timeout=timeout)
        with quiet():
            ok = e_wait(self, timeout)
        emit("event.wait.done", event=ev_name(self), flag=ok)
        return ok

    ev.set, ev.clear, ev.wait = pg_set, pg_clear, pg_ev_wait

    bar = s.Barrier
    b_wait = bar.wait

    def pg_bar_wait(self, timeout=None):
        name = "Barrier-" + ident(self._cond._lock).split("-", 1)[-1]
        step("barrier.wait", barrier=name)
        emit("barrier.wait.begun", barrier=name, parties=self.parties, timeout=timeout)
        with quiet():
            r = b_wait(self, timeout)
        emit("barrier.wait.done", barrier=name, index=r)
        return r

    bar.wait = pg_bar_wait


# --- Messages: which put a get received -----------------------------------------------------------
class Message:
    """An object in flight on a Queue or Pipe, tagged with the id its put/send reported, so that the
    get/recv that takes it out can report the same id. With several producers a Queue's order is the
    order its feeder threads (Lib/multiprocessing/queues.py, Queue._feed) won the pipe's write lock,
    not the order of the put() calls, so matching puts to gets by position would draw wrong arrows."""

    __slots__ = ("id", "obj")

    def __init__(self, id, obj):
        self.id, self.obj = id, obj

    def __reduce__(self):
        return Message, (self.id, self.obj)


_message_count = [0]
MAX_VALUE_REPR = 60


def _message_id():
    _message_count[0] += 1
    return f"{os.getpid()}.{_message_count[0]}"


def _opened(obj):
    """The object and its message id (None when it was sent by code we do not report)."""
    return (obj.obj, obj.id) if isinstance(obj, Message) else (obj, None)


def _short_repr(obj):
    """What an arrow shows: repr() cut to a label's length."""
    try:
        r = repr(obj)
    except Exception:
        return "?"
    return r if len(r) <= MAX_VALUE_REPR else r[:MAX_VALUE_REPR - 1] + "…"


# --- Queue, JoinableQueue, SimpleQueue: queues.py ----------------------------------------------------
def _mark_internal(*locks):
    for lock in locks:
        _safe(lambda: setattr(lock, "_pg_internal", True))


def _pickled_size(obj):
    try:
        from multiprocessing.reduction import ForkingPickler

        return len(ForkingPickler.dumps(obj))
    except Exception:
        return None


def _queues():
    from multiprocessing import queues as q

    for cls in (q.Queue, q.SimpleQueue):
        for meth in ("__init__", "__setstate__"):
            orig = getattr(cls, meth)

            def wrapped(self, *a, _orig=orig, **k):
                r = _orig(self, *a, **k)
                _mark_internal(getattr(self, "_rlock", None), getattr(self, "_wlock", None),
                               getattr(getattr(self, "_cond", None), "_lock", None),
                               getattr(self, "_sem", None), getattr(self, "_unfinished_tasks", None))
                return r

            setattr(cls, meth, wrapped)

    put, get = q.Queue.put, q.Queue.get
    try:
        from _multiprocessing import SemLock
        sem_value_max = SemLock.SEM_VALUE_MAX
    except (ImportError, AttributeError):
        sem_value_max = 2 ** 31 - 1

    def bounded(self):
        # Queue(maxsize <= 0) keeps SEM_VALUE_MAX as its maxsize: its put() never waits for room.
        return getattr(self, "_maxsize", sem_value_max) < sem_value_max

    def qname(self):
        return "Queue-" + ident(self._rlock).split("-", 1)[-1]

    def qsize(self):
        try:
            return self.qsize()
        except Exception:
            return None

    def pg_put(self, obj, block=True, timeout=None):
        if suppressed():
            return put(self, obj, block, timeout)
        step("queue.put", queue=qname(self))
        size = _pickled_size(obj)
        emit("queue.put.begun", queue=qname(self), bytes=size, block=block, timeout=timeout, bounded=bounded(self))
        mid = _message_id()
        put(self, Message(mid, obj), block, timeout)
        emit("queue.put", queue=qname(self), bytes=size, value=obj, repr=_short_repr(obj), msg=mid, qsize=qsize(self))

    def pg_get(self, block=True, timeout=None):
        if suppressed():
            return _opened(get(self, block, timeout))[0]
        step("queue.get", queue=qname(self))
        emit("queue.get.begun", queue=qname(self), qsize=qsize(self), block=block, timeout=timeout)
        obj, mid = _opened(get(self, block, timeout))
        emit("queue.get", queue=qname(self), bytes=_pickled_size(obj), value=obj, repr=_short_repr(obj), msg=mid,
             qsize=qsize(self))
        return obj

    q.Queue.put, q.Queue.get = pg_put, pg_get


# --- Pipe: connection.py --------------------------------------------------------------------------
def _connection():
    from multiprocessing import connection as c

    pipe = c.Pipe
    counter = [0]

    def pg_pipe(duplex=True):
        a, b = pipe(duplex)
        if made_by_library():
            return a, b
        counter[0] += 1
        name = f"Pipe-{names.current() or f'{os.getpid()}-{counter[0]}'}"
        _safe(lambda: (setattr(a, "_pg_id", name), setattr(b, "_pg_id", name)))
        return a, b

    c.Pipe = pg_pipe
    base = c._ConnectionBase
    send, recv = base.send, base.recv

    def pname(self):
        return getattr(self, "_pg_id", None) or f"Pipe-fd{self._handle}"

    def pg_send(self, obj):
        if suppressed() or not hasattr(self, "_pg_id"):
            return send(self, obj)
        step("pipe.send", pipe=pname(self))
        mid = _message_id()
        # stamped before the write: the receiver can wake and report before send() returns here
        ts = time.monotonic()
        send(self, Message(mid, obj))
        emit("pipe.send", _ts=ts, pipe=pname(self), bytes=_pickled_size(obj), value=obj, repr=_short_repr(obj), msg=mid)

    def pg_recv(self):
        if suppressed() or not hasattr(self, "_pg_id"):
            return _opened(recv(self))[0]
        step("pipe.recv", pipe=pname(self))
        emit("pipe.recv.begun", pipe=pname(self))
        obj, mid = _opened(recv(self))
        emit("pipe.recv", pipe=pname(self), bytes=_pickled_size(obj), value=obj, repr=_short_repr(obj), msg=mid)
        return obj

    base.send, base.recv = pg_send, pg_recv

    # a connection sent to a spawn child loses our attribute: carry the name in its pickled state
    red = c.reduce_connection

    def pg_reduce(conn):
        fn, args = red(conn)
        return _rebuild, (fn, args, getattr(conn, "_pg_id", None))

    from multiprocessing import reduction

    reduction.register(c.Connection, pg_reduce)


def _rebuild(fn, args, name):
    conn = fn(*args)
    if name:
        _safe(lambda: setattr(conn, "_pg_id", name))
    return conn


# --- Value, Array: sharedctypes.py ----------------------------------------------------------------
def _sharedctypes():
    from multiprocessing import sharedctypes as sc

    prop = sc.Synchronized.value

    def vname(self):
        return "Value-" + ident(self._lock).split("-", 1)[-1]

    def getvalue(self):
        step("value.read", value_of=vname(self))
        with quiet():
            v = prop.fget(self)
        emit("value.read", target=vname(self), value=v)
        return v

    def setvalue(self, v):
        step("value.write", value_of=vname(self), value=v)
        with quiet():
            prop.fset(self, v)
        emit("value.write", target=vname(self), value=v)

    sc.Synchronized.value = property(getvalue, setvalue)

    arr = sc.SynchronizedArray
    gi, si = arr.__getitem__, arr.__setitem__

    def aname(self):
        return "Array-" + ident(self._lock).split("-", 1)[-1]

    def pg_getitem(self, i):
        step("array.read", target=aname(self), index=i if isinstance(i, int) else None)
        with quiet():
            v = gi(self, i)
        emit("array.read", target=aname(self), index=i if isinstance(i, int) else str(i), value=v)
        return v

    def pg_setitem(self, i, v):
        step("array.write", target=aname(self), index=i if isinstance(i, int) else None)
        with quiet():
            si(self, i, v)
        emit("array.write", target=aname(self), index=i if isinstance(i, int) else str(i), value=v)

    arr.__getitem__, arr.__setitem__ = pg_getitem, pg_setitem


# --- Pool: pool.py ------------------------------------------------------------------------------
def _pool():
    from multiprocessing import pool as p

    worker = p.worker

    class _In:
        def __init__(self, q):
            self._q = q

        def get(self):
            task = self._q.get()
            _safe(lambda: task and emit("pool.task.started", job=task[0], index=task[1],
                                        func=_fname(task[2], task[3])))
            return task

        def __getattr__(self, n):
            return getattr(self._q, n)

    class _Out:
        def __init__(self, q):
            self._q = q

        def put(self, item):
            # item is (job, i, (success, result)); for map's chunks the result is the chunk's list
            _safe(lambda: emit("pool.task.finished", job=item[0], index=item[1], ok=bool(item[2][0]),
                               value=item[2][1] if item[2][0] else repr(item[2][1])))
            return self._q.put(item)

        def __getattr__(self, n):
            return getattr(self._q, n)

    def pg_worker(inqueue, outqueue, *args, **kwargs):
        with quiet():
            return worker(_In(inqueue), _Out(outqueue), *args, **kwargs)

    pg_worker.__module__, pg_worker.__qualname__, pg_worker.__name__ = "multiprocessing.pool", "worker", "worker"
    p.worker = pg_worker

    gen = p.Pool._guarded_task_generation

    def pg_gen(self, result_job, func, iterable):
        for i, task in enumerate(gen(self, result_job, func, iterable)):
            _safe(lambda: emit("pool.task.submitted", job=result_job, index=i, func=_fname(task[2], task[3])))
            yield task

    p.Pool._guarded_task_generation = pg_gen

    apply_async = p.Pool.apply_async

    def pg_apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        r = apply_async(self, func, args, kwds, callback, error_callback)
        _safe(lambda: emit("pool.task.submitted", job=r._job, index=0, func=getattr(func, "__name__", None),
                           bytes=_pickled_size((func, args, kwds))))
        return r

    p.Pool.apply_async = pg_apply_async

    map_async = p.Pool._map_async

    def pg_map_async(self, func, iterable, mapper, chunksize=None, *a, **k):
        r = map_async(self, func, iterable, mapper, chunksize, *a, **k)
        _safe(lambda: emit("pool.map", job=r._job, func=getattr(func, "__name__", None),
                           chunksize=getattr(r, "_chunksize", chunksize), mapper=mapper.__name__))
        return r

    p.Pool._map_async = pg_map_async


def _fname(func, args):
    try:
        if func.__name__ in ("mapstar", "starmapstar"):
            return f"{args[0][0].__name__}×{len(args[0][1])}"
        return func.__name__
    except Exception:
        return None
