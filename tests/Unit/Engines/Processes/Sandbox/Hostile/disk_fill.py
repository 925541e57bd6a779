# Fills the writable temp dir: one file up to the file-size limit, then more files until the disk is full.
import os

chunk = b"d" * (1024 * 1024)
total = 0
index = 0
while True:
    path = f"/tmp/fill{index}"
    try:
        with open(path, "wb") as f:
            while True:
                f.write(chunk)
                f.flush()
                total += 1
    except OSError as e:
        print(f"file {index} stopped: {e.strerror}", flush=True)
        if e.strerror != "File too large":
            break
    index += 1
print(f"disk full at {total} MiB", flush=True)
