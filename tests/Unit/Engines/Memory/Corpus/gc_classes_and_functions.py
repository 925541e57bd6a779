# What CPython 3.11 counts for classes and functions: a tuple or int base gives no __weakref__
# descriptor; a collected function built with a container default frees its __defaults__ tuple too; a
# local function calling itself is drawn shared (its closure is not modelled).
import gc
import sys
gc.collect()
class T(tuple):
    pass
print(sys.getrefcount(T))
del T
print(gc.collect())
class I(int):
    pass
class L(list):
    pass
print(sys.getrefcount(I), sys.getrefcount(L))
class A:
    pass
class B(A):
    pass
class K:
    def m(self, x=[]):
        return x
del K
print(gc.collect())
def f(x=[]):
    return x
f().append(f)
del f
print(gc.collect())
def outer():
    def inner(n):
        if n:
            return inner(n - 1)
        return 0
    return inner
g = outer()
print(g(3))
