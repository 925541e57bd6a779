import gc
print(gc.garbage)
print(gc.get_threshold())
print(gc.isenabled())
