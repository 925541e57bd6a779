# delete_garbage clears a first; that frees b inside a's tp_clear, then a. The list free list is a stack, so x gets a's slot.
import gc
gc.collect()
a = []
b = [a]
a.append(b)
ida, idb = id(a), id(b)
del a, b
gc.collect(0)
x = []
y = []
print(id(x) == ida, id(y) == idb)
