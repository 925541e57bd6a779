class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("bye", self.n)
x = D(1)
x = D(2)
print("rebound")
y = x
del x
print("still alive")
del y
print("end")
