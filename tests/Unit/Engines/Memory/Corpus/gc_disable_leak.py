import gc
gc.collect()
gc.disable()
print(gc.isenabled())
for i in range(5):
    l = []
    l.append(l)
del l
print(gc.collect())
gc.enable()
print(gc.isenabled())
