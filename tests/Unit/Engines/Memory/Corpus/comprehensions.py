squares = [x * x for x in range(6)]
print(squares)
evens = [x for x in range(10) if x % 2 == 0]
print(evens)
pairs = [(x, y) for x in range(3) for y in range(2)]
print(pairs)
words = ["a", "bb", "ccc"]
print([len(w) for w in words])
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
