# Prints its whole environment and every other process's environment it can read.
import os

for key in sorted(os.environ):
    print(f"env {key}={os.environ[key]}", flush=True)
readable = 0
for pid in os.listdir("/proc"):
    if not pid.isdigit() or int(pid) == os.getpid():
        continue
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            data = f.read()
        readable += 1
        print(f"environ of {pid}: {data[:2000]!r}", flush=True)
    except OSError as e:
        print(f"environ of {pid}: {type(e).__name__}", flush=True)
print(f"readable foreign environs: {readable}", flush=True)
