import sys
s = set()
for i in range(20):
    s.add(i)
    print(i, sys.getsizeof(s))
