# title: Names and rebinding
# page: memory/refcount
# explanation: A name is not a box that holds a value: it is a reference to an object. Watch the arrows
#   from the global frame as `first` and `second` come to point at the same list, then as `first` is
#   rebound to a new list. Each binding adds one to the list's count, each rebinding takes one away, and
#   the old list is freed the moment no name refers to it any more.
import sys

first = ['a', 'b']
second = first
print(first is second, sys.getrefcount(first))

first = ['c']
print(first is second, sys.getrefcount(second))

second = first
print(sys.getrefcount(first))
