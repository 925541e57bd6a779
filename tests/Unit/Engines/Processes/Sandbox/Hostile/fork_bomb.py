# Forks children that sleep until fork fails: the student sees fork's EAGAIN, the run "process limit hit".
import os
import time

children = 0
try:
    while True:
        if os.fork() == 0:
            time.sleep(3600)
            os._exit(0)
        children += 1
except OSError as e:
    print(f"fork failed after {children} children: {e.strerror}", flush=True)
    raise SystemExit(1)
