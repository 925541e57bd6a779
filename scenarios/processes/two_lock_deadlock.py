# title: Two locks, opposite order: deadlock
# page: processes/locks
# explanation: One worker takes lock A then B, the other B then A. If each gets its first lock before
#   the other's second, both wait forever. The playground sees every process blocked and stops the run.
import time
from multiprocessing import Lock, Process


def take(first, second):
    with first:
        time.sleep(0.5)
        with second:
            print("got both")


if __name__ == "__main__":
    a, b = Lock(), Lock()
    workers = [Process(target=take, args=(a, b)), Process(target=take, args=(b, a))]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
