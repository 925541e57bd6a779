s = {3, 1, 2}
s.add(4)
s.add(1)
print(len(s), 3 in s, 9 in s)
s.discard(3)
s.discard(100)
print(sorted(s))
s.remove(1)
print(sorted(s))
try:
    s.remove(1)
except KeyError as e:
    print("KeyError", e)
s.clear()
print(s, set())
