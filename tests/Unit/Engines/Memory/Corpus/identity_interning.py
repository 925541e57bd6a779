import sys
a = "hello"
b = "hello"
print(a is b)
c = "hel" + "lo"
print(c is a)
d = "".join(["hel", "lo"])
print(d is a, d == a)
e = sys.intern(d)
print(e is a)
s1 = "hello world"
s2 = "hello world"
print(s1 is s2)
