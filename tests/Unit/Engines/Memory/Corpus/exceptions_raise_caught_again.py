# A finally run with an exception in flight holds it as the exception being handled (one reference more);
# so does a try while its except clauses are matched. Assigning __context__ replaces the context.
# An exception caught before and raised again keeps the traceback it was caught with, under the new one.
import sys


class A(Exception):
    pass


class B(Exception):
    pass


a = A()
b = B()
try:
    try:
        raise a
    finally:
        print('in finally', sys.getrefcount(a))
except A:
    print('in except', sys.getrefcount(a))


def which():
    print('matching', sys.getrefcount(a))
    return A


try:
    raise a
except which():
    pass

try:
    try:
        raise a
    except A:
        raise b
except B:
    pass
print(b.__context__ is a, sys.getrefcount(a))
b.__context__ = None
print(b.__context__, sys.getrefcount(a))


def f():
    try:
        x = 1 / 0
    except ZeroDivisionError as e:
        raise e


f()
