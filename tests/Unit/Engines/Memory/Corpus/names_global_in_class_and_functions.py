# A class body that declares a name global stores it in the module; a global declared in a function
# between a class and an outer function makes the name the module's for the class too.
class A:
    global n
    n = 5


print(n)
x = 'global'


def outer():
    x = 'outer'

    def mid():
        global x

        class K:
            y = x

        return K.y

    return mid()


print(outer())
