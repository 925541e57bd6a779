class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
print(P(1, 2) == P(1, 2), P(1, 2) == P(2, 1), P(1, 2) != P(1, 2))
p = P(1, 2)
print(p in [P(0, 0), P(1, 2)])
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "y"), getattr(p, "z", "default"))
setattr(p, "z", 9)
print(p.z)
del p.z
print(hasattr(p, "z"))
