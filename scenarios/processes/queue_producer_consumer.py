# title: Queue: producer and consumer
# page: processes/queues
# explanation: A producer puts ten numbers and a None sentinel on a multiprocessing.Queue; a consumer
#   gets until the sentinel. Every put is pickled, written to a pipe by a feeder thread, and unpickled by get.
from multiprocessing import Process, Queue


def producer(q):
    for i in range(10):
        q.put(i)
    q.put(None)


def consumer(q):
    while (item := q.get()) is not None:
        print(f"Got: {item}")


if __name__ == "__main__":
    q = Queue()
    workers = [Process(target=producer, args=(q,)), Process(target=consumer, args=(q,))]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
