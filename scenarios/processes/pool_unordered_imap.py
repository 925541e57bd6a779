# title: Pool.imap_unordered: results as they finish
# page: processes/pools
# explanation: Four workers sleep for different times. imap keeps the order of the inputs, so it waits
#   for the slowest first item; imap_unordered hands each result back as soon as a worker has it.
import time
from multiprocessing import Pool


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    naps = [0.3, 0.05, 0.2, 0.1]
    with Pool(4) as pool:
        print("imap:          ", list(pool.imap(nap, naps)))
        print("imap_unordered:", list(pool.imap_unordered(nap, naps)))
