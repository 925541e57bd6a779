# A class made inside a function: its methods close over the function's locals, not over the class
# body (a class body is no enclosing scope to the functions made in it).
def make():
    x = 1

    class K:
        def who(self):
            return x

    return K


print(make()().who())


def factory(n):
    class Box:
        def get(self):
            return n * 2

    return Box()


print(factory(21).get())
