# The process pages' load test: about 100,000 events in a few seconds. Two workers take and release a
# shared Lock 15,000 times each (lock.requested, lock.acquired, lock.released: 90,000 events) while a
# producer puts 2,500 numbers on a Queue for a consumer (put.begun, put, get.begun, get: 10,000 events).
from multiprocessing import Lock, Process, Queue

ROUNDS = 15_000
ITEMS = 2_500


def contend(lock):
    for _ in range(ROUNDS):
        with lock:
            pass


def produce(q):
    for i in range(ITEMS):
        q.put(i)


def consume(q):
    total = 0
    for _ in range(ITEMS):
        total += q.get()
    print("sum", total)


if __name__ == "__main__":
    lock, q = Lock(), Queue()
    workers = [Process(target=contend, args=(lock,)) for _ in range(2)]
    workers += [Process(target=produce, args=(q,)), Process(target=consume, args=(q,))]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
