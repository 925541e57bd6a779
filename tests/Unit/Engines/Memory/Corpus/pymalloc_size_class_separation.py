small = int("7777777")
s = "x" * 100
print(id(s) != id(small))
addresses = []
keep = []
for i in range(10):
    n = int(str(1000 + i))
    keep.append(n)
    addresses.append(id(n))
print(len(set(addresses)))
print([a % 16 for a in addresses] == [0] * 10)
del keep, n
again = int("5555")
print(id(again) in addresses)
