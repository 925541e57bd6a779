import sys
l = []
sizes = []
for i in range(40):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print(sizes)
while l:
    l.pop()
    if len(l) % 5 == 0:
        print(len(l), sys.getsizeof(l))
