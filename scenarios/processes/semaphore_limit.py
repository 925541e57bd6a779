# title: Semaphore: at most two at a time
# page: processes/locks
# explanation: Five workers share a Semaphore(2): at most two are inside the `with` block at any moment;
#   the others wait in acquire() until one releases.
import time
from multiprocessing import Process, Semaphore


def work(sem, n):
    with sem:
        print(f"Worker {n} in")
        time.sleep(0.5)


if __name__ == "__main__":
    sem = Semaphore(2)
    workers = [Process(target=work, args=(sem, i)) for i in range(5)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
