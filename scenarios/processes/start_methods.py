# title: fork vs spawn
# page: processes
# explanation: The same worker started with fork (a copy of the parent) and with spawn (a fresh python3
#   that imports this file and unpickles the target). Compare the start-up time of each in the events.
import multiprocessing as mp


def hello(method):
    print(f"Hello from {method}")


if __name__ == "__main__":
    for method in ("fork", "spawn"):
        p = mp.get_context(method).Process(target=hello, args=(method,))
        p.start()
        p.join()
