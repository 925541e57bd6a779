# title: Pool.map with chunks
# page: processes/pools
# explanation: A pool of four workers squares twenty numbers. map() cuts the list into chunks of five and
#   hands each chunk to a free worker; the results come back in the order of the input.
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(4) as pool:
        print(pool.map(square, range(20), chunksize=5))
