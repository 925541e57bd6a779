# A class's count, as CPython keeps it: its name, each instance, its own __mro__ and the __dict__ and
# __weakref__ descriptors type_new makes for its instances, and each subclass's tp_base, __bases__ and
# __mro__. Those references of its own keep every class in a cycle: only the collector frees one, and
# counts the tuples, the namespace and the descriptors it frees with it.
import gc
import sys

gc.collect()


class Plain:
    pass


print("Plain", sys.getrefcount(Plain) - 1)
a = Plain()
b = Plain()
print("with two instances", sys.getrefcount(Plain) - 1)


class Child(Plain):
    def method(self):
        return sys.getrefcount(Child) - 1


print("after a subclass", sys.getrefcount(Plain) - 1, "Child", sys.getrefcount(Child) - 1)
c = Child()
print("Child from its method", c.method())


class Grandchild(Child):
    pass


print(sys.getrefcount(Plain) - 1, sys.getrefcount(Child) - 1, sys.getrefcount(Grandchild) - 1)


class Failure(Exception):
    pass


class Refused(Failure):
    pass


print("Failure", sys.getrefcount(Failure) - 1, "Refused", sys.getrefcount(Refused) - 1)
del Grandchild
print("collected", gc.collect(), sys.getrefcount(Child) - 1)
del c, Child
print("collected", gc.collect(), sys.getrefcount(Plain) - 1)
del a, b, Plain
print("collected", gc.collect())
del Refused
print("collected", gc.collect(), sys.getrefcount(Failure) - 1)


class Counter:
    total = [0]

    def add(self, n):
        self.total[0] += n


Counter().add(2)
del Counter
print("collected", gc.collect())


def square(n):
    return n * n


print("square", sys.getrefcount(square) - 1)
alias = square
print("square with an alias", sys.getrefcount(square) - 1)
