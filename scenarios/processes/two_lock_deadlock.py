# title: Two locks, opposite order
# page: processes/locks
# explanation: One process takes lock A and then B; the other takes B and then A. If each gets its first
#   lock before the other asks for it, both wait forever for the lock the other holds: a deadlock.
import time
from multiprocessing import Lock, Process


def worker(first, second, name):
    with first:
        time.sleep(0.1)
        with second:
            print(f"{name} has both locks")


if __name__ == "__main__":
    a, b = Lock(), Lock()
    p1 = Process(target=worker, args=(a, b, "p1"))
    p2 = Process(target=worker, args=(b, a, "p2"))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
