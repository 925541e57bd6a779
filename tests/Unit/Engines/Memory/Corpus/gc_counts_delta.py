import gc
gc.collect()
before = gc.get_count()[0]
keep = [[] for i in range(10)]
after = gc.get_count()[0]
print(after - before)
