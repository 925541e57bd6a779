# title: Barrier: wait for everyone
# page: processes/events
# explanation: Three workers sleep for different times, then call wait() on a Barrier(3): none passes
#   until the last one arrives.
import time
from multiprocessing import Barrier, Process


def work(barrier, n):
    time.sleep(0.1 * n)
    barrier.wait()
    print(f"Worker {n} passed")


if __name__ == "__main__":
    barrier = Barrier(3)
    workers = [Process(target=work, args=(barrier, i)) for i in range(3)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
