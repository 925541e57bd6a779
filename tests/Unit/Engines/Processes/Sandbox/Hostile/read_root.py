# Walks /root and tries the usual secrets: only python3's own prefix may be visible.
import os

for name in ["/root/.bash_history", "/root/.ssh/id_rsa", "/root/.bashrc", "/root/.nuget/NuGet/NuGet.Config"]:
    try:
        with open(name) as f:
            print(f"read {name}: {f.read(100)!r}", flush=True)
    except OSError as e:
        print(f"read {name}: {type(e).__name__}", flush=True)
print("root entries:", sorted(os.listdir("/root")), flush=True)
print("pyenv entries:", sorted(os.listdir("/root/.pyenv")), flush=True)
