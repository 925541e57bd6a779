# title: A list that contains itself
# page: memory/gc
# explanation: The smallest cycle there is: a list holding a reference to itself. After del l no name
#   reaches it, but its reference count is still one, held by its own first item, so reference counting
#   never frees it. In the collection, update_refs copies that count into gc_refs, subtract_refs takes
#   away the reference that comes from inside the generation (the list itself) and leaves gc_refs at 0:
#   the list is unreachable, and delete_garbage clears it, which drops its count to zero.
import gc

gc.disable()
l = []
l.append(l)
print(len(l), l[0] is l)
del l
print(gc.collect())
print(gc.collect())
