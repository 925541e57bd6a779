import gc
gc.collect()
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())
