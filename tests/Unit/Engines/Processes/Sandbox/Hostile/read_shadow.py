# Tries to read the password hashes.
try:
    with open("/etc/shadow") as f:
        print("shadow:", f.read(), flush=True)
except OSError as e:
    print(f"shadow: {type(e).__name__}", flush=True)
