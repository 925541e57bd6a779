# A parent and four children that all sleep; only a kill from outside ends them.
import multiprocessing as mp
import time


def sleep():
    time.sleep(3600)


if __name__ == "__main__":
    mp.set_start_method("fork")
    for _ in range(4):
        mp.Process(target=sleep).start()
    print("started", flush=True)
    time.sleep(3600)
