a = 256
b = 256
print(a is b)
x = int("256")
print(x is 256 - 0)
y = int("257")
z = int("257")
print(y is z, y == z)
n = -5
m = int("-5")
print(n is m)
p = int("-6")
q = int("-6")
print(p is q)
