import sys
x = [1, 2, 3, 4, 5, 6, 7, 8]
del x[3:7]
print(x, sys.getsizeof(x))
y = list(range(20))
del y[::3]
print(y, sys.getsizeof(y))
z = [[i] for i in range(6)]
w = z[2]
del z[1:4]
print(z, sys.getrefcount(w))
t = (1, 2)
try:
    t[1:2]
    print(t[0:1])
except TypeError as e:
    print(e)
try:
    del z["a"]
except TypeError as e:
    print(e)
