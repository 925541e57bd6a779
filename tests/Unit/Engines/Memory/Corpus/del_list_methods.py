class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
l = [D(1), D(2), D(3), D(4)]
l.pop()
print("popped")
l.remove(l[0])
print("removed")
del l[0]
print("deleted")
l.clear()
print("cleared")
