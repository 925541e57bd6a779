import sys
x = []
holder = [x]
print(sys.getrefcount(x))
holder.append(x)
print(sys.getrefcount(x))
t = (x, x, x)
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
holder.pop()
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))
d.clear()
print(sys.getrefcount(x))
