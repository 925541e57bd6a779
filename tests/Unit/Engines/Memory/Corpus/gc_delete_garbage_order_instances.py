# Instances: clearing a's __dict__ frees b first, then a; pymalloc hands out the last freed block first.
import gc
class N:
    pass
gc.collect()
a = N()
b = N()
a.p = b
b.p = a
ida, idb = id(a), id(b)
del a, b
gc.collect(0)
x = N()
y = N()
print(id(x) == ida, id(x) == idb, id(y) == ida, id(y) == idb)
