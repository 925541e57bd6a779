# title: Size classes of common objects
# page: memory/pools
# explanation: pymalloc rounds every request of up to 512 bytes up to a multiple of 16 and serves it from
#   a pool of blocks of exactly that size: one of 32 size classes. An int asks for 28 bytes and gets a
#   32-byte block, a float 24 (32 too), a short string 57 (64), a tuple of three 64 (its GC header
#   included), an instance of a small class 56 (64, with its managed-dict pre-header). Step through and
#   watch each new class open its own pool, coloured by size class in the grid and counted in the table.
import sys

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

number = 1000
ratio = 0.5
word = "pymalloc"
triple = (number, ratio, word)
point = Point(3, 4)
for thing in [number, ratio, word, triple, point]:
    size = sys.getsizeof(thing)
    print(type(thing).__name__, size, "bytes -> block of", (size + 15) // 16 * 16)
