# Opens files until the kernel refuses.
files = []
try:
    while True:
        files.append(open("/dev/null"))
except OSError as e:
    print(f"open failed after {len(files)} files: {e.strerror}", flush=True)
