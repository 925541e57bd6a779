# title: Pool.map when a task raises
# page: processes/pools
# explanation: One of the inputs makes the worker's function raise. The worker does not die: it sends the
#   exception back as its task's result, the other tasks still finish, and map() raises it again in the
#   parent, where try/except can catch it.
from multiprocessing import Pool


def inverse(x):
    return 1 / x


if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            print(pool.map(inverse, [4, 2, 0, 1], chunksize=1))
        except ZeroDivisionError as e:
            print("map raised in the parent:", repr(e))
        print("the pool still works:", pool.map(inverse, [4, 2], chunksize=1))
