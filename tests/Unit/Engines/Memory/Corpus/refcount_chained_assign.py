import sys
a = b = c = []
print(sys.getrefcount(a))
a, b = b, a
print(sys.getrefcount(a))
x, y = [1, 2], [3, 4]
x, y = y, x
print(x, y)
p, q = (5, 6)
print(p, q)
