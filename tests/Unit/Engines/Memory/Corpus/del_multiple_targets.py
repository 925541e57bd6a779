class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = D(1)
b = D(2)
c = {"k": D(3), "j": D(4)}
del a, c["k"], b
print("next")
o = D(5)
o.child = D(6)
del o.child
print("end")
del o
