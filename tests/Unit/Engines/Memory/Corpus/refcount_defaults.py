import sys
def f(a, b=None, c=5):
    return a + c
print(f(1), f(2, c=10), f(a=3))
def g(x=[]):
    x.append(1)
    return len(x)
print(g(), g(), g())
