import sys
items = [[], [], []]
for it in items:
    print(sys.getrefcount(items), sys.getrefcount(it))
print(sys.getrefcount(it))
