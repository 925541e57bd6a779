class D:
    def __init__(self, n, child=None):
        self.n = n
        self.child = child
    def __del__(self):
        print("del", self.n)
root = D(1, D(2, D(3)))
root = None
print("end")
