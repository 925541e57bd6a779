# title: Producer and consumer
# page: processes/queues
# explanation: A producer puts five numbers on a Queue and then None to say it is done; a consumer gets
#   them one by one. get() blocks while the queue is empty, so the consumer waits for the producer.
from multiprocessing import Process, Queue


def producer(q):
    for i in range(5):
        q.put(i)
    q.put(None)


def consumer(q):
    while True:
        item = q.get()
        if item is None:
            break
        print(f"got {item}")


if __name__ == "__main__":
    q = Queue()
    workers = [Process(target=producer, args=(q,)), Process(target=consumer, args=(q,))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
