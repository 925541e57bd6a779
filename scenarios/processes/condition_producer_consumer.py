# title: Condition: producer and consumer
# page: processes/events
# explanation: A consumer waits on a Condition until a shared Value is ready; the producer sets it and
#   calls notify(). wait() releases the condition's lock while it sleeps and takes it back on waking.
import time
from multiprocessing import Condition, Process, Value


def consumer(cond, ready):
    with cond:
        while not ready.value:
            cond.wait()
        print("Consumer: ready")


def producer(cond, ready):
    time.sleep(0.2)
    with cond:
        ready.value = 1
        cond.notify()


if __name__ == "__main__":
    cond, ready = Condition(), Value("b", 0)
    workers = [Process(target=consumer, args=(cond, ready)), Process(target=producer, args=(cond, ready))]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
