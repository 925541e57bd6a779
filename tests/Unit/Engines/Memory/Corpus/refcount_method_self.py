import sys
class Node:
    def __init__(self, value):
        self.value = value
        print("init", sys.getrefcount(self), sys.getrefcount(value))
    def show(self):
        print("show", sys.getrefcount(self))
v = []
n = Node(v)
n.show()
print(sys.getrefcount(n), sys.getrefcount(v))
