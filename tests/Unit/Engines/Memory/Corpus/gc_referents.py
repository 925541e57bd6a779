import gc
a = [1, 2]
b = [a, "x"]
print(gc.get_referents(b) == [a, "x"])
print(len(gc.get_referents(a)))
d = {"k": a}
print(len(gc.get_referents(d)))
