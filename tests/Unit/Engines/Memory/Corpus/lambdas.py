add = lambda a, b: a + b
print(add(2, 3))
people = [("bob", 30), ("al", 25), ("cy", 35)]
print(sorted(people, key=lambda p: p[1]))
print(max([3, 9, 2]), min([3, 9, 2]), max(4, 7), min("b", "a"))
def make_adder(n):
    return lambda x: x + n
print(make_adder(10)(5))
