# Tries the server's files: the work tree, the test output, the briefs.
import os
import sys

for path in ["/work", sys.argv[1], "/var/lib", "/home", "/opt"]:
    try:
        print(f"list {path}: {sorted(os.listdir(path))[:5]}", flush=True)
    except OSError as e:
        print(f"list {path}: {type(e).__name__}", flush=True)
for path in ["/work/briefs/common.md", os.path.join(sys.argv[1], "Playground.Tests.Unit.dll")]:
    try:
        with open(path, "rb") as f:
            print(f"read {path}: {len(f.read())} bytes", flush=True)
    except OSError as e:
        print(f"read {path}: {type(e).__name__}", flush=True)
