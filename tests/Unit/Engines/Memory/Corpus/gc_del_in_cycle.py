import gc
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing", self.name)
gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a
del b
print("collect:", gc.collect())
print(gc.garbage)
