import sys
for v in [0, 1, -1, 255, 2**30 - 1, 2**30, 2**60, 2**90, -(2**64)]:
    print(v, sys.getsizeof(v))
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(1.5), sys.getsizeof(None))
