# title: Small ints and interned strings
# page: memory/refcount
# explanation: Some objects are shared by the whole interpreter: None, True and False, the small integers
#   from -5 to 256 and interned strings such as identifiers. Every `10` in a program is the same object,
#   so `is` is True, while 1000 made at run time is a new object each time. These cards are marked
#   "shared": their counts belong to CPython as much as to your program, so the page does not count them.
import sys

a = 10
b = 5 + 5
print(a is b)

n = 999
big = n + 1
other = n + 1
print(big == other, big is other)

word = 'hello'
same = 'hello'
print(word is same)

built = ''.join(['hel', 'lo'])
print(built == word, built is word, sys.intern(built) is word)
print(sys.getrefcount(big))
