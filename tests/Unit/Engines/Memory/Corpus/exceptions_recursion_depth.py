n = 0
def f():
    global n
    n += 1
    f()
try:
    f()
except RecursionError as e:
    print(n, e)
def g(k):
    return g(k + 1) if k < 900 else k
print(g(0))
