d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d))
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys())
print(d.pop("a"), d)
print(d.setdefault("x", 10), d.setdefault("b", 99), d)
d.update({"y": 5})
print(d)
e = d.copy()
e.clear()
print(e, d == d.copy())
for k in d:
    print(k, d[k])
print(dict(a=1, b=2), dict([("k", "v")]))
