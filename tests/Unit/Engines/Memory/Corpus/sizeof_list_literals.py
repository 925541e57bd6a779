import sys
a = 1
b = 2
c = 3
print(sys.getsizeof([]), sys.getsizeof([a]), sys.getsizeof([a, b]), sys.getsizeof([a, b, c]))
print(sys.getsizeof(list(range(3))), sys.getsizeof([x for x in range(3)]))
print(sys.getsizeof([0] * 5))
