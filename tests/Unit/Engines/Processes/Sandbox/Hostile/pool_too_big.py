# A Pool far larger than the process limit: multiprocessing's fork fails while filling the pool.
import multiprocessing as mp


def square(x):
    return x * x


if __name__ == "__main__":
    mp.set_start_method("fork")
    with mp.Pool(500) as pool:
        print(sum(pool.map(square, range(1000))))
