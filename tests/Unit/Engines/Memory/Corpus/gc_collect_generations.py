import gc
gc.collect()
keep = []
for i in range(5):
    keep.append([])
print(gc.collect(0) >= 0)
c = gc.get_count()
print(c[1], c[2])
print(gc.collect(1) >= 0)
c = gc.get_count()
print(c[1], c[2])
