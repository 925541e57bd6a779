# title: A counter with a lock
# page: processes/shared
# explanation: The same four processes add one to a shared Value a thousand times each, but now every
#   counter.value += 1 happens while holding counter's lock. No update is lost: the total is always 4000,
#   and the lock is never held by two processes at once.
from multiprocessing import Process, Value


def add(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)
    workers = [Process(target=add, args=(counter, 1000)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"expected 4000, got {counter.value}")
