# title: Two nodes in a cycle
# page: memory/gc
# explanation: Two Node instances refer to each other. After del a, b nothing outside can reach them, yet
#   each still has a reference count of one, held by the other: reference counting alone never frees them.
#   gc.collect() finds the pair unreachable and frees both; it returns the number of objects it collected.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.disable()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect())
