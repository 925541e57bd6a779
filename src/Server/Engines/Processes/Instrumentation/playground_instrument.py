"""Reports what a multiprocessing program does, as JSON lines on a Unix socket of the runner's.

Every process of the run (the parent, and each worker however it was started: fork, spawn or
forkserver) connects on its own to the socket named by PLAYGROUND_EVENTS and sends one JSON object a
line: {"kind", "pid", "name", "ts", "seq", ...fields}. `ts` is time.monotonic() (CLOCK_MONOTONIC, one
clock for every process of the machine), `seq` counts the process's own events.

What is wrapped, and why there:
- BaseProcess.start (Lib/multiprocessing/process.py) in the parent: "process.start" with the child's pid
  and the time start() took, which is the start method's cost (fork copies the page tables; spawn
  starts a fresh interpreter and unpickles the target and arguments; forkserver forks a preloaded one).
- BaseProcess._bootstrap in the child: "process.run" when the child begins, "process.exit" with the exit
  code _bootstrap returns (it catches SystemExit and exceptions itself and turns them into that code).
- sys.stdout / sys.stderr: "output" lines tagged with the process that wrote them.
- Queue.put / Queue.get (Lib/multiprocessing/queues.py): the pickled size of each item, and a
  "queue.get.wait" before a get that may block.
- SemLock._make_methods (Lib/multiprocessing/synchronize.py), which binds acquire/release for Lock,
  RLock, Semaphore and BoundedSemaphore: "lock.acquire" (requested), "lock.acquired", "lock.released".
Objects that cross processes (queues, locks) carry an id of ours through their pickled state so that
every process names the same object the same way.

Nothing here may change the program's behaviour: if the socket cannot be reached or breaks, events are
dropped silently and the program runs on.
"""
import json
import os
import pickle
import socket
import sys
import threading
import time

_SOCKET = os.environ.get("PLAYGROUND_EVENTS", "")
_MAX_TEXT = 2000
_state = threading.local()


class _Channel:
    """One connection per process; a forked child notices the new pid and connects again."""

    def __init__(self):
        self._pid = None
        self._sock = None
        self._seq = 0
        self._lock = threading.Lock()
        self._broken = False

    def emit(self, kind, _name=None, _ts=None, **fields):
        if not _SOCKET or getattr(_state, "busy", False):
            return
        _state.busy = True  # an event never emits events (output written while sending, say)
        try:
            pid = os.getpid()
            with self._lock:
                if pid != self._pid:
                    self._reconnect(pid)
                if self._sock is None:
                    return
                self._seq += 1
                event = {"kind": kind, "pid": pid, "name": _name or _process_name(), "ts": _ts or time.monotonic(), "seq": self._seq}
                event.update(fields)
                try:
                    self._sock.sendall((json.dumps(event, default=repr) + "\n").encode("utf-8", "replace"))
                except OSError:
                    self._sock = None
        finally:
            _state.busy = False

    def _reconnect(self, pid):
        self._pid = pid
        self._seq = 0
        # The parent's socket object is shared with a forked child: never close it here, just stop using it.
        self._sock = None
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(_SOCKET)
            # Not inherited by exec'd programs; a forked child reconnects on its first event.
            s.set_inheritable(False)
            self._sock = s
        except OSError:
            self._sock = None


_channel = _Channel()
emit = _channel.emit


def _process_name():
    try:
        import multiprocessing

        return multiprocessing.current_process().name
    except Exception:
        return "?"


class _TaggedStream:
    """Writes through to the real stream and reports each complete line as an "output" event."""

    def __init__(self, inner, stream):
        self._inner = inner
        self._stream = stream
        self._pending = ""
        self._pid = os.getpid()

    def write(self, text):
        n = self._inner.write(text)
        if os.getpid() != self._pid:  # a forked child starts with no half-written line of its parent's
            self._pid = os.getpid()
            self._pending = ""
        self._pending += text
        while "\n" in self._pending:
            line, self._pending = self._pending.split("\n", 1)
            emit("output", stream=self._stream, text=line[:_MAX_TEXT])
        return n

    def flush(self):
        self._inner.flush()

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _new_id(prefix):
    return f"{prefix}-{os.getpid()}-{time.monotonic_ns() % 1_000_000_000}-{id(object()) % 100_000}"


def _payload_size(obj):
    try:
        return len(pickle.dumps(obj))
    except Exception:
        return -1


def _wrap_process():
    from multiprocessing import process

    base = process.BaseProcess
    original_start = base.start
    original_bootstrap = base._bootstrap

    def start(self, *args, **kwargs):
        method = "fork"
        try:
            method = self._start_method or __import__("multiprocessing").get_start_method()
        except Exception:
            pass
        began = time.monotonic()
        result = original_start(self, *args, **kwargs)
        emit("process.start", child=self.pid, childName=self.name, startMethod=method,
             startSeconds=round(time.monotonic() - began, 6))
        return result

    def _bootstrap(self, *args, **kwargs):
        # _bootstrap makes this process current only once it runs; name it ourselves until then.
        emit("process.run", _name=self.name, parent=os.getppid())
        code = original_bootstrap(self, *args, **kwargs)
        emit("process.exit", exitcode=code)
        return code

    base.start = start
    base._bootstrap = _bootstrap


def _wrap_queues():
    from multiprocessing import queues

    q = queues.Queue
    original_init, original_put, original_get = q.__init__, q.put, q.get
    original_getstate, original_setstate = q.__getstate__, q.__setstate__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._pg_id = _new_id("queue")

    def __getstate__(self):
        return (original_getstate(self), getattr(self, "_pg_id", None))

    def __setstate__(self, state):
        inner, self._pg_id = state
        original_setstate(self, inner)

    def put(self, obj, block=True, timeout=None):
        result = original_put(self, obj, block, timeout)
        emit("queue.put", queue=getattr(self, "_pg_id", "?"), bytes=_payload_size(obj), value=repr(obj)[:200])
        return result

    def get(self, block=True, timeout=None):
        emit("queue.get.wait", queue=getattr(self, "_pg_id", "?"))
        obj = original_get(self, block, timeout)
        emit("queue.get", queue=getattr(self, "_pg_id", "?"), bytes=_payload_size(obj), value=repr(obj)[:200])
        return obj

    q.__init__, q.put, q.get, q.__getstate__, q.__setstate__ = __init__, put, get, __getstate__, __setstate__


def _wrap_locks():
    from multiprocessing import synchronize

    semlock = synchronize.SemLock
    original_init = semlock.__init__
    original_make_methods = semlock._make_methods
    original_getstate, original_setstate = semlock.__getstate__, semlock.__setstate__

    def __init__(self, *args, **kwargs):
        self._pg_id = _new_id(type(self).__name__.lower())
        original_init(self, *args, **kwargs)

    def __getstate__(self):
        return (original_getstate(self), getattr(self, "_pg_id", None))

    def __setstate__(self, state):
        inner, self._pg_id = state
        original_setstate(self, inner)

    def _make_methods(self):
        original_make_methods(self)
        raw_acquire, raw_release = self.acquire, self.release
        kind = type(self).__name__

        def acquire(block=True, timeout=None):
            lock_id = getattr(self, "_pg_id", "?")
            emit("lock.acquire", lock=lock_id, lockType=kind)
            got = raw_acquire(block, timeout)
            if got:
                emit("lock.acquired", lock=lock_id, lockType=kind)
            else:
                emit("lock.timeout", lock=lock_id, lockType=kind)
            return got

        def release():
            # Stamped before the release: the next holder's "acquired" is then always later in time.
            released_at = time.monotonic()
            raw_release()
            emit("lock.released", _ts=released_at, lock=getattr(self, "_pg_id", "?"), lockType=kind)

        self.acquire, self.release = acquire, release

    semlock.__init__, semlock._make_methods = __init__, _make_methods
    semlock.__getstate__, semlock.__setstate__ = __getstate__, __setstate__
    # __enter__/__exit__ call self._semlock directly in CPython; route them through the wrapped methods.
    semlock.__enter__ = lambda self: self.acquire()
    semlock.__exit__ = lambda self, *args: self.release()


def install():
    """Switches the instrumentation on in this process. Safe to call once per interpreter."""
    if getattr(sys, "_playground_instrumented", False):
        return
    sys._playground_instrumented = True
    for wrap in (_wrap_process, _wrap_queues, _wrap_locks):
        try:
            wrap()
        except Exception:
            pass
    method = os.environ.get("PLAYGROUND_START_METHOD")
    if method and __import__("multiprocessing").parent_process() is None:
        try:  # the student's choice of start method, made for the whole run before the script starts
            __import__("multiprocessing").set_start_method(method, force=True)
        except Exception:
            pass
    sys.stdout = _TaggedStream(sys.stdout, "stdout")
    sys.stderr = _TaggedStream(sys.stderr, "stderr")
    if __import__("multiprocessing").parent_process() is None:
        emit("process.run", parent=0)
