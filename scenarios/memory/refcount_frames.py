# title: Arguments and frames
# page: memory/refcount
# explanation: Calling a function pushes a frame whose parameters are new names for the caller's objects.
#   Step into `add_item` and look at the frames on the left: `target` in the function's frame and `shopping`
#   in the global frame point at the same list, whose count goes up by one for the call. When the function
#   returns its frame is popped and its names let go, but the new string it appended stays alive: the list
#   still refers to it.
import sys


def add_item(target, word):
    item = word.upper()
    target.append(item)
    print('inside:', sys.getrefcount(target))
    return len(target)


shopping = ['milk']
print('before:', sys.getrefcount(shopping))
count = add_item(shopping, 'bread')
print('after:', sys.getrefcount(shopping), count)
print(shopping)
