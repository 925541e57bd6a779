import gc
gc.collect()
d = {}
d["self"] = d
e = {"other": d}
d["e"] = e
del d, e
print(gc.collect())
