# title: Big objects go to the system allocator
# page: memory/pools
# explanation: pymalloc only serves requests of up to 512 bytes. A bigger object, such as a long string
#   or a tuple of a hundred items, is passed to the C library's malloc (PyMem_RawMalloc) and lives
#   outside every arena: it appears in the list of system allocations, not in the pool grid. Small
#   objects made next to it still get pool blocks.
import sys

small = "tiny"
n = 400
medium = "m" * n
big = "b" * (5 * n)
numbers = tuple(range(100))
for thing in [small, medium, big, numbers]:
    size = sys.getsizeof(thing)
    print(type(thing).__name__, size, "pool" if size <= 512 else "system")
