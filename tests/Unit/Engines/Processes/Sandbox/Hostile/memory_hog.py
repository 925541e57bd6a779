# Grows a list of 8 MiB blocks (each written, so the pages are really used) until something stops it.
blocks = []
while True:
    blocks.append(b"x" * (8 * 1024 * 1024))
    if len(blocks) % 8 == 0:
        print(f"holding {len(blocks) * 8} MiB", flush=True)
