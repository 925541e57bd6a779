class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
t = (D("t1"), D("t2"))
del t
d = {"x": D("d1"), "y": D("d2")}
del d
print("done")
