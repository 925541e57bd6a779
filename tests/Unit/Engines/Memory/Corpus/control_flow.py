for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
print()
for i in range(3):
    pass
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
x = 5
if x > 10:
    print("big")
elif x > 3:
    print("medium")
else:
    print("small")
print("yes" if x else "no", x > 3 and x < 10, x < 3 or x == 5, not x)
print(1 < x < 10, 1 < x > 10)
