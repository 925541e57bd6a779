# title: Pool reuse
# page: memory/pools
# explanation: A pool whose last block is freed becomes empty and goes on its arena's list of free
#   pools, but it keeps its size class and its free list. Here three hundred strings of 199 bytes fill
#   four pools of the 208-byte class (78 blocks a pool); deleting the list empties all four. When the
#   same kind of strings is made again, pymalloc takes emptied pools back from the arena's free list
#   (when one last served the same class, "its header and free list are already initialized",
#   obmalloc.c) instead of carving new ones: watch the tiles empty and fill again, and no new tile appear.
import sys

first = ["r" * 150 for i in range(300)]
print(len(first), sys.getsizeof(first[0]))
del first
second = ["s" * 150 for i in range(300)]
print(len(second), sys.getsizeof(second[0]))
