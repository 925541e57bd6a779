import gc
seen = []
def cb(phase, info):
    seen.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.collect()
gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.callbacks.clear()
print(seen)
