# title: Value counter with a lock
# page: processes/locks
# explanation: Two workers add 1 to a shared Value 200 times each, as on the Shared memory page, but each
#   read-and-write happens while holding the Value's lock (get_lock()), so no update is lost: the
#   counter always ends at 400.
from multiprocessing import Array, Process, Value


def add(counter, hits, slot):
    for _ in range(200):
        with counter.get_lock():
            counter.value += 1
    hits[slot] = 200


if __name__ == "__main__":
    counter = Value("i", 0)
    hits = Array("i", 2)
    workers = [Process(target=add, args=(counter, hits, i)) for i in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f"Counter: {counter.value}, hits: {list(hits)}")
