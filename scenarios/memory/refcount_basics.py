# title: Names and references
# page: memory/refcount
# explanation: A list is made once and then bound to a second name, stored in another list and passed to
#   a function. Each of these adds one to its reference count; del and the end of the call take it away.
#   sys.getrefcount shows one more than you might expect: its own argument is a reference too.
import sys

numbers = [1, 2, 3]
print(sys.getrefcount(numbers))

alias = numbers
print(sys.getrefcount(numbers))

box = [numbers]
print(sys.getrefcount(numbers))


def show(items):
    print(sys.getrefcount(items))


show(numbers)

del alias
box.clear()
print(sys.getrefcount(numbers))
