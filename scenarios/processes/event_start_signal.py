# title: Event: a start signal
# page: processes/events
# explanation: Three workers wait on an Event; the parent sets it once all have started, and they all
#   go at once. wait() blocks until set() is called by any process.
import time
from multiprocessing import Event, Process


def runner(go, n):
    go.wait()
    print(f"Runner {n} off")


if __name__ == "__main__":
    go = Event()
    workers = [Process(target=runner, args=(go, i)) for i in range(3)]
    for p in workers:
        p.start()
    time.sleep(0.2)
    go.set()
    for p in workers:
        p.join()
