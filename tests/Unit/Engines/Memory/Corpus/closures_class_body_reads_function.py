# A class body inside a function reads the function's locals it never binds itself (LOAD_CLASSDEREF):
# its own namespace first, then the function's cell. A name the body binds is read from the namespace
# only. A comprehension and a class nested in the body skip the class and reach the function too.
import sys


def make(n):
    size = n * 2
    label = 'box'

    class Box:
        width = size
        label = 'inner'
        tag = label
        items = [size + k for k in range(3)]

        class Inner:
            depth = size + 1

        def get(self):
            return size

    return Box


B = make(4)
print(B.width, B.tag, B.items, B.Inner.depth, B().get())
print(sys.getrefcount(B))


def unbound():
    class C:
        try:
            y = later
        except NameError as e:
            print('NameError:', e)

    later = 5
    return C


unbound()
