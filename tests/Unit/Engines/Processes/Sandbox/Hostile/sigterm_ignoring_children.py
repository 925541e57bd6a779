# Children (and a grandchild) that ignore SIGTERM, started by multiprocessing; the parent leaves without joining.
import multiprocessing as mp
import os
import signal
import time


def stubborn(depth):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if depth > 0:
        mp.get_context("fork").Process(target=stubborn, args=(depth - 1,)).start()
    while True:
        time.sleep(1)


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    for _ in range(3):
        ctx.Process(target=stubborn, args=(1,)).start()
    time.sleep(0.5)
    print("children started", flush=True)
    os._exit(0)
