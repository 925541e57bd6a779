import sys
class C:
    pass
c = C()
print(sys.getsizeof(c))
print(sys.getsizeof(range(10)))
