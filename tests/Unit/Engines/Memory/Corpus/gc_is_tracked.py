import gc
print(gc.is_tracked(1), gc.is_tracked("a"), gc.is_tracked([]))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
a = 5
b = []
t = (a, b)
print(gc.is_tracked(t))
class C:
    pass
print(gc.is_tracked(C()))
d = {}
print(gc.is_tracked(d))
d["x"] = []
print(gc.is_tracked(d))
