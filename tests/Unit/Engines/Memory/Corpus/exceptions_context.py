# An exception raised while another is being handled keeps that one as its __context__: it stays alive
# as long as the new one does, and an uncaught traceback prints it first, then "During handling of the
# above exception, another exception occurred".
import sys
import weakref


class A(Exception):
    pass


class B(Exception):
    pass


first = None


def remember(e):
    global first
    first = weakref.ref(e)
    return e


try:
    try:
        raise remember(A('a'))
    except A:
        raise B('b')
except B as b:
    print(type(b.__context__).__name__, first() is not None, sys.getrefcount(b.__context__))
print('A freed with B:', first() is None)

try:
    try:
        {}['k']
    except KeyError as e:
        try:
            raise ValueError('v')
        except ValueError as v:
            print(repr(v.__context__), sys.getrefcount(e))
except Exception:
    pass

try:
    raise A('x')
except A as e:
    print(e.__context__)


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise KeyError(text)


parse('seven')
