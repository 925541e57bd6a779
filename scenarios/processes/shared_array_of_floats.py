# title: Array of floats written by workers
# page: processes/shared
# explanation: An Array('d', 4) is four C doubles in shared memory. Each worker writes the square root of
#   its slot's number into its own slot, so no two write the same place and no lock is needed.
import math
from multiprocessing import Array, Process


def fill(values, slot):
    values[slot] = math.sqrt(slot + 1)


if __name__ == "__main__":
    values = Array("d", 4)
    workers = [Process(target=fill, args=(values, i)) for i in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print("square roots:", [round(v, 3) for v in values])
