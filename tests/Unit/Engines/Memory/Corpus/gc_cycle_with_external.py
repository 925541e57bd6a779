import gc
gc.collect()
a = []
b = [a]
a.append(b)
keep = a
del b
print(gc.collect())
print(len(keep), len(keep[0]))
del a, keep
print(gc.collect())
