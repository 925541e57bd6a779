"""shared_memory.SharedMemory (Lib/multiprocessing/shared_memory.py, 3.8+): a named POSIX shared memory
block (shm_open + mmap). Creating, attaching to (the same name from another process), closing (this
process's mapping) and unlinking (the name; the memory goes when the last mapping closes) are reported
as `shared_memory.create`/`attach`/`close`/`unlink` with the block's name and size.
The module is patched when the student imports it, not before: it pulls in `secrets` and friends,
which a run that never uses it should not pay for at start-up."""
import sys

from .channel import emit

_done = False


def _patch(module):
    global _done
    if _done:
        return
    _done = True
    cls = module.SharedMemory
    init, close, unlink = cls.__init__, cls.close, cls.unlink

    def pg_init(self, name=None, create=False, size=0):
        init(self, name, create, size)
        emit("shared_memory.create" if create else "shared_memory.attach", shm=self.name, size=self.size)

    def pg_close(self):
        # close() runs again from __del__ at exit; only a close that unmapped something is reported
        mapped = getattr(self, "_mmap", None) is not None
        close(self)
        if mapped:
            emit("shared_memory.close", shm=self.name)

    def pg_unlink(self):
        unlink(self)
        emit("shared_memory.unlink", shm=self.name)

    cls.__init__, cls.close, cls.unlink = pg_init, pg_close, pg_unlink


class _Finder:
    """A meta path entry that lets the normal import run, then patches the module it produced."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "multiprocessing.shared_memory" or _done:
            return None
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        exec_module = spec.loader.exec_module

        def pg_exec_module(module):
            exec_module(module)
            try:
                _patch(module)
            except Exception:
                pass

        spec.loader.exec_module = pg_exec_module
        return spec


def install():
    module = sys.modules.get("multiprocessing.shared_memory")
    if module is not None:
        _patch(module)
    else:
        sys.meta_path.insert(0, _Finder())
