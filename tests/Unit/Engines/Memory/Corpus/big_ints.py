a = 2 ** 100
print(a)
print(a * a - 1)
print(-a // 7, -a % 7)
b = 1
for i in range(1, 25):
    b = b * i
print(b)
print(10 ** 20 + 1, abs(-10 ** 20))
