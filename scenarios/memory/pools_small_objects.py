# title: Filling a pool
# page: memory/pools
# explanation: Small objects come from pymalloc. Each float asks for 24 bytes and lands in the 32-byte
#   size class: a 16 KiB pool of that class holds 511 of them. Make a thousand, watch two pools fill,
#   then free every other one and see the pools left half empty: freed blocks are reused first.
import sys

values = [float(i) for i in range(1000)]
print(sys.getsizeof(values[0]))
del values[::2]
more = [float(i) for i in range(250)]
print(len(values), len(more))
