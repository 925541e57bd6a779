count = 0
def bump():
    global count
    count += 1
bump()
bump()
print(count)
def outer():
    x = 5
    def inner():
        return x * 2
    return inner()
print(outer())
total = 0
for i in range(5):
    total += i
print(total)
