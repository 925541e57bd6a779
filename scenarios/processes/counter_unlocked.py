# title: Value counter without a lock
# page: processes/shared
# explanation: Two workers add 1 to a shared Value 500 times each. `counter.value += 1` is a read and
#   then a write, two separate operations: when both workers read the same value, one update is lost.
#   In step mode grant both reads before either write to see it happen every time.
import sys
from multiprocessing import Process, Value

TIMES = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def add(counter):
    for _ in range(TIMES):
        counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)
    workers = [Process(target=add, args=(counter,)) for _ in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f"Counter: {counter.value} (expected {2 * TIMES})")
