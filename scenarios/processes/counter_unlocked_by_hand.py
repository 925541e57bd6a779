# title: Lost update by hand (step mode)
# page: processes/shared
# explanation: Two workers each add 1 to a shared Value once, without its lock. Switch on step mode and
#   press Next for both workers' `value.read` before either `value.write`: both read 0, both write 1, and
#   the counter ends at 1 instead of 2. Grant a read and its write before the other read and nothing is lost.
from multiprocessing import Process, Value


def add(counter):
    counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)
    workers = [Process(target=add, args=(counter,)) for _ in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(f"Counter: {counter.value} (expected 2)")
