# title: Pool reuse
# page: memory/pools
# explanation: A pool whose last block is freed becomes empty and goes on its arena's list of free
#   pools, but it keeps its size class and its free list. Here three hundred floats fill one 32-byte pool
#   partly; deleting them all empties it. When more floats are made later, pymalloc takes that same pool
#   back ("this pool last contained blocks of the same size class", obmalloc.c) instead of carving a new
#   one: watch the same tile empty and fill again.
first = [float(i) for i in range(300)]
print(len(first))
del first
second = [float(i) + 0.5 for i in range(300)]
print(len(second))
