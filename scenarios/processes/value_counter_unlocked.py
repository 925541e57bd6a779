# title: A counter without a lock
# page: processes/shared
# explanation: Four processes each add one to a shared Value a thousand times. counter.value += 1 reads,
#   adds and writes back; without the lock two processes can read the same value and one update is lost.
#   The total is often less than 4000 on a machine with several cores.
from multiprocessing import Process, Value


def add(counter, times):
    for _ in range(times):
        counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0, lock=False)
    workers = [Process(target=add, args=(counter, 1000)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"expected 4000, got {counter.value}")
