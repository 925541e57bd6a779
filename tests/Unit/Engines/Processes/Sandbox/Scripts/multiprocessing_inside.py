# Every multiprocessing piece the playground's scenarios use, under each start method.
import multiprocessing as mp
import sys
from multiprocessing import shared_memory


def square(x):
    return x * x


def add(counter, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1


def produce(queue, n):
    for i in range(n):
        queue.put(i)
    queue.put(None)


def run(method):
    ctx = mp.get_context(method)
    with ctx.Pool(16) as pool:
        total = sum(pool.map(square, range(200), chunksize=7))
    queue = ctx.Queue()
    producer = ctx.Process(target=produce, args=(queue, 50))
    producer.start()
    got = []
    while (item := queue.get()) is not None:
        got.append(item)
    producer.join()
    counter = ctx.Value("i", 0)
    lock = ctx.Lock()
    workers = [ctx.Process(target=add, args=(counter, lock, 200)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    shm = shared_memory.SharedMemory(create=True, size=4096)
    shm.buf[0] = 42
    other = shared_memory.SharedMemory(name=shm.name)
    seen = other.buf[0]
    other.close()
    shm.close()
    shm.unlink()
    print(f"{method} pool={total} queue={len(got)} value={counter.value} shm={seen} exitcode={producer.exitcode}")


if __name__ == "__main__":
    for method in sys.argv[1:]:
        run(method)
