# Prints the niceness of the run's main process and of a forked child (inherited across fork).
import os
import multiprocessing as mp


def child(queue):
    queue.put(os.nice(0))


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    worker = ctx.Process(target=child, args=(queue,))
    worker.start()
    print(f"main {os.nice(0)} child {queue.get()}")
    worker.join()
