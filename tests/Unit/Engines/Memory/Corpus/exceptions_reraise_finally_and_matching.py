# A bare raise in a function called from an except block re-raises the exception being handled with the
# traceback it was caught with; a finally run with an exception in flight handles it too (a bare raise
# there re-raises it, and what it raises has it as its context); an error while the except clauses are
# matched has the original as its context and lets go of it; a context chain that would loop is cut.
import sys


class A(Exception):
    pass


class B(Exception):
    pass


class C(Exception):
    pass


def f():
    try:
        try:
            1 / 0
        finally:
            raise
    except ZeroDivisionError:
        print('ok zde')


f()

try:
    try:
        raise A()
    finally:
        try:
            int('x')
        except ValueError as v:
            print(repr(v.__context__))
except A as a:
    print('A', sys.getrefcount(a))

err = B()


def match_fails():
    try:
        raise err
    except undefined:
        pass


try:
    match_fails()
except NameError as n:
    print(n, repr(n.__context__))
print(sys.getrefcount(err))

try:
    raise A()
except A as a:
    x = a
    try:
        raise B()
    except B as b:
        y = b
        try:
            raise x
        except A:
            pass
print(repr(x.__context__), repr(y.__context__))

try:
    raise A()
except A:
    try:
        raise C()
    except C as c:
        z = c
print(repr(z.__context__))
try:
    raise B()
except B:
    try:
        raise z
    except C:
        pass
print(repr(z.__context__))


def helper():
    raise


def g():
    try:
        1 / 0
    except ZeroDivisionError:
        helper()


g()
