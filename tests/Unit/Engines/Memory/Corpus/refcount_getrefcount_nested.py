import sys
def outer(x):
    def inner(y):
        return sys.getrefcount(y)
    return inner(x)
v = []
print(outer(v))
print(sys.getrefcount(v))
