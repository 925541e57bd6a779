"""Instrumentation of multiprocessing for the playground's process engine.

install() wraps the classes of multiprocessing (Lib/multiprocessing/process.py, synchronize.py,
queues.py, connection.py, sharedctypes.py, pool.py) so that each operation a student writes is reported
as one JSON event on the channel (see channel.py). Every wrapper reports around the original call and
never lets its own failure reach the student's program."""
import atexit
import os
import sys
import time

from . import channel
from .channel import emit, quiet, step

_installed = False


def install():
    global _installed
    if _installed:
        return
    _installed = True
    # spawn and forkserver children, and the resource tracker, start as `python3 -c ...`: they report
    # themselves from BaseProcess._bootstrap (or not at all), not as the run's main process. The main
    # process reports before importing multiprocessing, which is most of our start-up cost: the page
    # shows the process running as soon as python3 is.
    if sys.argv and sys.argv[0] != "-c":
        emit("process.run", _name="MainProcess", ppid=os.getppid(), start_method=None, main=True, argv=sys.argv[:8],
             startup_ms=_startup_ms())
        atexit.register(_main_exit)
    from . import patches, output

    _default_start_method(os.environ.get("PLAYGROUND_START_METHOD"))
    output.install()
    patches.install()


def _main_exit():
    try:
        import multiprocessing

        if multiprocessing.parent_process() is None and os.getpid() == _main_pid:
            from . import output

            output.flush_all()
            # the exit status is not known yet inside atexit: the runner fills it in from python3's
            # status when the process has gone (see ProcessRun)
            emit("process.exit", exitcode=None, cpu_s=cpu_seconds())
    except Exception:
        pass


_main_pid = os.getpid()


def _startup_ms():
    """How long ago this python3 began, so that the page counts its start-up (the interpreter's own,
    before this module ran) in the process's life, as it counts its CPU time: the kernel's start time
    of the process (field 22 of /proc/self/stat, clock ticks since boot, fs/proc/array.c) against
    CLOCK_BOOTTIME, the clock it is measured on. To a tick, 10 ms; None where /proc cannot say. The
    kernel's start is the fork, so it also counts the sandbox's few execs (setpriv, nice, prlimit)
    that lead to python3: a millisecond or two."""
    try:
        with open("/proc/self/stat", "rb") as f:
            stat = f.read()
        # the command name, field 2, is in parentheses and may hold spaces: count from after it
        started = int(stat[stat.rindex(b")") + 2:].split()[19]) / os.sysconf("SC_CLK_TCK")
        ms = (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
        return round(ms, 1) if 0 < ms < 60_000 else None
    except Exception:
        return None


def cpu_seconds():
    """User plus system CPU time of this process so far; a child reports it at exit, after its target
    returned. time.process_time() reads clock_gettime(CLOCK_PROCESS_CPUTIME_ID) (Modules/timemodule.c),
    which a forked child starts again from zero; os.times() reads times(2) in clock ticks of 10 ms,
    and said 0.0 for a worker that ran a few milliseconds."""
    try:
        return round(time.process_time(), 6)
    except Exception:
        return None


def _default_start_method(method):
    """Change multiprocessing's default start method without "setting" it, so a script that calls
    set_start_method() itself still may (Lib/multiprocessing/context.py, DefaultContext)."""
    if not method:
        return
    try:
        from multiprocessing import context

        context._default_context._default_context = context._concrete_contexts[method]
    except Exception:
        pass
