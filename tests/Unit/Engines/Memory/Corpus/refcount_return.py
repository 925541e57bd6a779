import sys
def make():
    obj = []
    print("in make", sys.getrefcount(obj))
    return obj
r = make()
print(sys.getrefcount(r))
def ident(o):
    return o
q = ident(r)
print(sys.getrefcount(r))
