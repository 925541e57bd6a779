# title: Queue: three producers and a sentinel each
# page: processes/queues
# explanation: Three producers share one Queue and each puts a None sentinel when it is done. The consumer
#   counts sentinels and stops at the third: it cannot know from one None that every producer has finished.
from multiprocessing import Process, Queue

PRODUCERS = 3


def producer(q, name):
    for i in range(3):
        q.put(f"{name}:{i}")
    q.put(None)


def consumer(q):
    finished = 0
    while finished < PRODUCERS:
        item = q.get()
        if item is None:
            finished += 1
        else:
            print("got", item)
    print("all producers finished")


if __name__ == "__main__":
    q = Queue()
    workers = [Process(target=producer, args=(q, name)) for name in "abc"]
    workers.append(Process(target=consumer, args=(q,)))
    for p in workers:
        p.start()
    for p in workers:
        p.join()
