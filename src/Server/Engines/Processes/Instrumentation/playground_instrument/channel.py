"""The event channel: JSON lines over an AF_UNIX socket named by $PLAYGROUND_EVENTS.

Each process opens its own connection (a fork child must not write into its parent's stream, so the
connection is keyed by pid and reopened after fork). If the socket cannot be reached or breaks, events
are dropped silently: the student's program must behave exactly as it would without us.
In step mode ($PLAYGROUND_STEP=1) a process sends a `step.wait` event and blocks until the runner writes
one line back on its connection (its grant)."""
import json
import os
import socket
import threading
import time

_state = {"pid": None, "sock": None, "seq": 0, "dead": False}
_lock = threading.Lock()
_local = threading.local()
STEP = os.environ.get("PLAYGROUND_STEP") == "1"
MAX_TEXT = 4096


def _after_fork():
    global _lock
    _lock = threading.Lock()
    _state.update(pid=None, sock=None, seq=0, dead=False)


os.register_at_fork(after_in_child=_after_fork)


def process_name():
    try:
        import multiprocessing

        return multiprocessing.current_process().name
    except Exception:
        return "?"


def _connect():
    pid = os.getpid()
    if _state["pid"] == pid:
        return _state["sock"]
    _state.update(pid=pid, sock=None, seq=0, dead=False)
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
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
            event = {"kind": kind, "pid": os.getpid(), "name": _name or process_name(), "ts": _ts or time.monotonic(),
                     "seq": _state["seq"]}
            for k, v in fields.items():
                event[k] = _plain(v)
            sock.sendall((json.dumps(event, separators=(",", ":")) + "\n").encode())
    except Exception:
        _state["sock"] = None
        _state["dead"] = True


def step(op, **fields):
    """A scheduling point: in step mode, wait for the runner's grant before doing `op`."""
    if not STEP or suppressed():
        return
    emit("step.wait", op=op, **fields)
    try:
        sock = _state["sock"]
        if sock is None or _state["pid"] != os.getpid():
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
