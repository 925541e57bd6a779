l = []
first = id(l)
del l
m = []
print(id(m) == first)
t = (m, 1)
tid = id(t)
del t
u = (m, 2)
print(id(u) == tid)
