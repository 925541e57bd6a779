import sys
def f(x):
    print("inside", sys.getrefcount(x))
    y = x
    print("with local", sys.getrefcount(x))
def g(x, y):
    print("twice", sys.getrefcount(x))
a = []
f(a)
g(a, a)
print("after", sys.getrefcount(a))
