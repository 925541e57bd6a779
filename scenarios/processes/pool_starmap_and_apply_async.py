# title: Pool.apply_async and starmap
# page: processes/pools
# explanation: apply_async sends one call and returns an AsyncResult at once; get() waits for its value.
#   starmap unpacks each tuple into the arguments of one call. Both go through the same task queue.
from multiprocessing import Pool


def power(base, exponent):
    return base ** exponent


if __name__ == "__main__":
    with Pool(3) as pool:
        pending = [pool.apply_async(power, (2, n)) for n in range(5)]
        print("apply_async:", [r.get(timeout=5) for r in pending])
        print("starmap:    ", pool.starmap(power, [(3, 1), (3, 2), (3, 3), (3, 4)]))
