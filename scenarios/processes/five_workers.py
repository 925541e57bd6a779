# title: Five workers
# page: processes
# explanation: Five Process objects are created, started and then joined. Each runs worker() in its own
#   Python process and prints its number. Run it a few times: the order of the lines is the operating
#   system's choice, not the order of start().
from multiprocessing import Process


def worker(n):
    print(f"Worker: {n}")


if __name__ == "__main__":
    processes = [Process(target=worker, args=(i,)) for i in range(5)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
