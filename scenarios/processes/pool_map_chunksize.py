# title: Pool.map with chunksize
# page: processes/pools
# explanation: A Pool of three workers squares twelve numbers; chunksize=4 sends them as three tasks of
#   four items each. Each task is one pickled message to a worker and one result message back.
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(3) as pool:
        print(pool.map(square, range(12), chunksize=4))
