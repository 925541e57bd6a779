# Tries to kill its parent, then every process it may signal.
import os
import signal

try:
    os.kill(os.getppid(), signal.SIGKILL)
    print("kill parent: sent", flush=True)
except OSError as e:
    print(f"kill parent: {type(e).__name__}", flush=True)
try:
    os.kill(-1, signal.SIGKILL)
    print("kill -1: sent", flush=True)
except OSError as e:
    print(f"kill -1: {type(e).__name__}", flush=True)
print("still here", flush=True)
