# Tries to write everywhere; only the private /tmp (and /dev/shm) may accept it.
import os
import sys

for path in ["/usr/evil", "/etc/evil", "/evil", "/root/evil", "/var/tmp/evil",
             os.path.join(sys.argv[1], "evil"), "/tmp/ok"]:
    try:
        with open(path, "w") as f:
            f.write("x")
        print(f"write {path}: ok", flush=True)
    except OSError as e:
        print(f"write {path}: {type(e).__name__}", flush=True)
