# title: Pool reuse
# page: memory/pools
# explanation: A pool whose last block is freed becomes empty and goes on its arena's list of free
#   pools, but it keeps its size class and its free list. Here three hundred strings of 199 bytes fill
#   four pools of the 208-byte class (78 blocks a pool); deleting the list empties all four. When the
#   same kind of strings is made again, pymalloc takes emptied pools back from the arena's free list
#   (when one last served the same class, "its header and free list are already initialized",
#   obmalloc.c) instead of carving new ones: watch the tiles empty and fill again, and no new tile appear.
#   The width is a variable on purpose: "r" * 150 written out is folded by the compiler into one
#   constant string that all 300 items would share.
import sys

width = 150
first = ["r" * width for i in range(300)]
print(len(set([id(s) for s in first])), sys.getsizeof(first[0]))
del first
second = ["s" * width for i in range(300)]
print(len(set([id(s) for s in second])), sys.getsizeof(second[0]))
