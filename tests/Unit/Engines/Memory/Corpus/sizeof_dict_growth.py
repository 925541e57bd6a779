import sys
d = {}
print(sys.getsizeof(d))
for i in range(12):
    d[i] = i
    print(i, sys.getsizeof(d))
s = {}
for i in range(12):
    s["k" + str(i)] = i
print(sys.getsizeof(s))
