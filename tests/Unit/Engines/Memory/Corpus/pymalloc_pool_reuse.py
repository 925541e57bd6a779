nums = []
for i in range(2000):
    nums.append(int(str(10000 + i)))
ids = [id(n) for n in nums]
del nums
n = 0
fresh = []
for i in range(2000):
    fresh.append(int(str(50000 + i)))
reused = 0
old = set(ids)
for f in fresh:
    if id(f) in old:
        reused += 1
print(reused > 1000)
