# The exception an except block handles stays alive until the block ends, named or not: PUSH_EXC_INFO
# keeps it as sys.exc_info() (one more reference than the name's), POP_EXCEPT lets it go. A bare raise
# re-raises it with the traceback it was caught with: the frame reads as the line that first raised.
import sys
import weakref


class E(Exception):
    pass


try:
    raise ValueError('x')
except ValueError as e:
    print(sys.getrefcount(e))

r = None


def keep(x):
    global r
    r = weakref.ref(x)
    return x


try:
    raise keep(E())
except E:
    print('alive in its except block:', r() is not None)
print('freed after it:', r() is None)


def f():
    try:
        raise E()
    except E as err:
        return sys.getrefcount(err)


print(f())


def g():
    try:
        raise KeyError('k')
    except KeyError:
        raise


try:
    g()
except KeyError as e:
    print('caught', repr(e), sys.getrefcount(e))

for i in range(2):
    try:
        raise ValueError(i)
    except ValueError as e:
        if i == 0:
            continue
        print('second', e)


def h():
    try:
        x = {}['k']
    except KeyError:
        print('handling')
        raise


h()
