import gc
saved = []
class Phoenix:
    def __del__(self):
        print("__del__ runs")
        saved.append(self)
gc.collect()
p = Phoenix()
p.me = p
del p
print(gc.collect())
print(len(saved))
saved.clear()
print(gc.collect())
