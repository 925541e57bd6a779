"""stdout/stderr, line by line, tagged with the process that wrote them. The real stream still gets
every byte; the wrapper only copies complete lines into `output` events."""
import sys

from .channel import current_pid, emit

_wrappers = []


class TaggedStream:
    def __init__(self, stream, name):
        self._pg_stream = stream
        self._pg_name = name
        self._pg_buffer = ""
        self._pg_pid = current_pid()

    def write(self, s):
        n = self._pg_stream.write(s)
        try:
            if self._pg_pid != current_pid():
                self._pg_pid, self._pg_buffer = current_pid(), ""
            if isinstance(s, str):
                self._pg_buffer += s
                while "\n" in self._pg_buffer:
                    line, self._pg_buffer = self._pg_buffer.split("\n", 1)
                    emit("output", stream=self._pg_name, text=line)
                if len(self._pg_buffer) > 4096:
                    self.drain()
        except Exception:
            pass
        return n

    def drain(self):
        try:
            if self._pg_buffer and self._pg_pid == current_pid():
                text, self._pg_buffer = self._pg_buffer, ""
                emit("output", stream=self._pg_name, text=text)
        except Exception:
            pass

    def __getattr__(self, name):
        return getattr(self._pg_stream, name)


def install():
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is not None and not isinstance(stream, TaggedStream):
            w = TaggedStream(stream, name)
            _wrappers.append(w)
            setattr(sys, name, w)


def flush_all():
    for w in _wrappers:
        w.drain()
