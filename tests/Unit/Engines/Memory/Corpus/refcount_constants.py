import sys
x = 1000
print(sys.getrefcount(x))
s = "hello world"
print(sys.getrefcount(s))
f = 2.5
print(sys.getrefcount(f))
y = x
print(sys.getrefcount(x))
