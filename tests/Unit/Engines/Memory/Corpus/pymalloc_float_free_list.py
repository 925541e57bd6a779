# A freed float goes on float's own free list (100 entries, Objects/floatobject.c) and keeps its block:
# the next int of the same 32-byte size class gets another block, the next float gets this one.
f = float('1.5')
fid = id(f)
del f
n = int('1000')
print(id(n) == fid)
g = float('2.5')
print(id(g) == fid)
floats = [float(i) for i in range(300)]
ids = [id(x) for x in floats]
del floats
reused = [float(i) for i in range(300)]
print(sorted([id(x) for x in reused]) == sorted(ids))
