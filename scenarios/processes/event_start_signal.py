# title: Start signal
# page: processes/events
# explanation: Three workers start and wait on an Event. The parent sleeps a moment, then sets it, and all
#   three go on at once: wait() blocks until the flag is set, and returns at once after that.
import time
from multiprocessing import Event, Process


def worker(start, n):
    start.wait()
    print(f"worker {n} running")


if __name__ == "__main__":
    start = Event()
    workers = [Process(target=worker, args=(start, n)) for n in range(3)]
    for w in workers:
        w.start()
    time.sleep(0.5)
    start.set()
    for w in workers:
        w.join()
