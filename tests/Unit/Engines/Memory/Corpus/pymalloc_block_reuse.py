a = int("100000")
first = id(a)
del a
b = int("200000")
print(id(b) == first)
c = int("300000")
print(id(c) == first, id(c) - id(b) != 0)
