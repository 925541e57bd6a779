"""The event channel: JSON lines over an AF_UNIX socket named by $PLAYGROUND_EVENTS.

Each process opens its own connection (a fork child must not write into its parent's stream, so the
connection is keyed by pid and reopened after fork). If the socket cannot be reached or breaks, events
are dropped silently: the student's program must behave exactly as it would without us.
In step mode ($PLAYGROUND_STEP=1) a process sends a `step.wait` event and blocks until the runner writes
one line back on its connection (its grant).

Events are batched: one sendall() per event costs a system call on each side, which caps a busy worker
near 30,000 events/s. A process's events wait in a small buffer that a daemon flusher thread sends
FLUSH_DELAY after the first of them arrived (so a batch is at most that old), or at once when the buffer
is large, and at once whenever the event may be followed by a wait (a lock requested, a get begun, a
step.wait, the process's exit): the deadlock detector and the live view must see a blocked process as
blocked, and a process about to exit or to block must not leave its story in the buffer. A fork child
drops the copy of its parent's buffer it inherited; the parent still sends it.

An event from a thread other than the process's main thread carries `thread` (threading.get_ident()),
and such a thread reports `thread.exit` when it ends: the deadlock detector keeps a wait per thread, and a
process is only stuck when every thread it has is (a second thread may be about to release the lock the
first waits for)."""
import _socket  # not socket: its enums cost a few milliseconds of every run's start, before the first event
import json
import os
import threading
import time

_state = {"pid": None, "sock": None, "seq": 0, "dead": False, "flusher": None}
_lock = threading.Lock()
_wake = threading.Event()
_buffer = []
_buffered = [0]
# os.getpid() is a system call (glibc stopped caching it); fork is the only way this process changes pid
# under us, and the at-fork hook below updates it
_me = [os.getpid()]
_local = threading.local()
# the thread whose events carry no `thread` field; in a fork child the thread that forked
_main_thread = [threading.get_ident()]
STEP = os.environ.get("PLAYGROUND_STEP") == "1"
MAX_TEXT = 4096
FLUSH_DELAY = 0.002
FLUSH_BYTES = 64 * 1024
# json.dumps() with separators builds a new encoder on every call; one is enough
_encode = json.JSONEncoder(separators=(",", ":")).encode

# the kinds after which the process may block or end: sent at once, with everything buffered before them
URGENT = frozenset({
    "process.run", "process.exit", "process.join.begun", "lock.requested", "queue.put.begun",
    "queue.get.begun", "pipe.recv.begun", "event.wait.begun", "condition.wait.begun",
    "barrier.wait.begun", "step.wait", "sleep.begun",
    # a pool worker then waits on Pool's own queue, which reports nothing, and Pool.terminate() may kill it there
    "pool.task.finished",
})


def _after_fork():
    global _lock, _wake
    _lock = threading.Lock()
    _wake = threading.Event()
    _buffer.clear()
    _buffered[0] = 0
    _me[0] = os.getpid()
    _main_thread[0] = threading.get_ident()
    _state.update(pid=None, sock=None, seq=0, dead=False, flusher=None)


os.register_at_fork(after_in_child=_after_fork)


def current_pid():
    """This process's pid, without a system call per event."""
    return _me[0]


def process_name():
    try:
        import multiprocessing

        return multiprocessing.current_process().name
    except Exception:
        return "?"


def _connect():
    pid = _me[0]
    if _state["pid"] == pid:
        return _state["sock"]
    _state.update(pid=pid, sock=None, seq=0, dead=False)
    try:
        s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        s.connect(os.environ["PLAYGROUND_EVENTS"])
        _state["sock"] = s
    except Exception:
        _state["dead"] = True
    return _state["sock"]


def suppressed():
    return getattr(_local, "depth", 0) > 0


class quiet:
    """Inside, operations of multiprocessing's own helpers (the lock inside a Value, the semaphores
    inside a Condition) are not reported: the student sees the operation they wrote."""

    def __enter__(self):
        _local.depth = getattr(_local, "depth", 0) + 1

    def __exit__(self, *exc):
        _local.depth -= 1


def emit(kind, _name=None, _ts=None, **fields):
    try:
        with _lock:
            sock = _connect()
            if sock is None:
                return
            _state["seq"] += 1
            event = {"kind": kind, "pid": _me[0], "name": _name or process_name(), "ts": _ts or time.monotonic(),
                     "seq": _state["seq"]}
            thread = threading.get_ident()
            if thread != _main_thread[0]:
                event["thread"] = thread
                _local.reported = True
            for k, v in fields.items():
                event[k] = _plain(v)
            line = (_encode(event) + "\n").encode()
            _buffer.append(line)
            _buffered[0] += len(line)
            if kind in URGENT or _buffered[0] >= FLUSH_BYTES:
                _send(sock)
                return
            first = len(_buffer) == 1
            if _state["flusher"] != _me[0]:
                _state["flusher"] = _me[0]
                threading.Thread(target=_flush_later, name="playground-events", daemon=True).start()
        if first:
            _wake.set()
    except Exception:
        _state["sock"] = None
        _state["dead"] = True


def flush():
    """Sends what is buffered now (at exit, before output that must not overtake events)."""
    try:
        with _lock:
            if _state["sock"] is not None and _state["pid"] == _me[0]:
                _send(_state["sock"])
    except Exception:
        _state["sock"] = None
        _state["dead"] = True


def _send(sock):
    if _buffer:
        data = b"".join(_buffer)
        _buffer.clear()
        _buffered[0] = 0
        sock.sendall(data)


def _flush_later():
    pid = _me[0]
    while _state["flusher"] == pid:
        _wake.wait()
        time.sleep(FLUSH_DELAY)
        _wake.clear()
        flush()


def reported_from_this_thread():
    """Whether this (non-main) thread has sent an event, so its end is worth a `thread.exit`."""
    return getattr(_local, "reported", False)


def step(op, **fields):
    """A scheduling point: in step mode, wait for the runner's grant before doing `op`."""
    if not STEP or suppressed():
        return
    emit("step.wait", op=op, **fields)
    try:
        sock = _state["sock"]
        if sock is None or _state["pid"] != _me[0]:
            return
        while True:
            b = sock.recv(1)
            if not b or b == b"\n":
                return
    except Exception:
        return


def _plain(v):
    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, str):
        return v[:MAX_TEXT]
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v[:64]]
    if isinstance(v, bytes):
        return repr(v[:256])
    try:
        return repr(v)[:256]
    except Exception:
        return "?"
