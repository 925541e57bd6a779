# Fills /dev/shm (where POSIX semaphores and shared_memory live) in 1 MiB writes.
import os

chunk = b"s" * (1024 * 1024)
written = 0
try:
    with open("/dev/shm/fill", "wb") as f:
        while True:
            f.write(chunk)
            f.flush()
            written += 1
except OSError as e:
    print(f"shm full at {written} MiB: {e.strerror}", flush=True)
