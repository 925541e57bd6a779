# Looks for the server among the processes it can see and tries to reach into them.
import os

pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
print(f"visible pids: {len(pids)}", flush=True)
for pid in pids:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        cmd = "?"
    print(f"pid {pid}: {cmd[:120]}", flush=True)
try:
    print("pid 1 root:", os.listdir("/proc/1/root"), flush=True)
except OSError as e:
    print(f"pid 1 root: {type(e).__name__}", flush=True)
