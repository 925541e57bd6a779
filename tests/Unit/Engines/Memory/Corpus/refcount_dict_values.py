import sys
v = []
d = {}
d["a"] = v
d["b"] = v
print(sys.getrefcount(v))
d["a"] = None
print(sys.getrefcount(v))
del d["b"]
print(sys.getrefcount(v))
print(d)
