# title: Weak references and their callbacks
# page: memory/gc
# explanation: A weak reference does not add to its object's reference count, so it cannot keep a cycle
#   alive. When the collector finds the object unreachable, handle_weakrefs clears every weak reference to
#   it first (r() returns None from then on) and then calls the callbacks of weak references that are not
#   garbage themselves, before anything is deleted. Before gc.collect() the Cache object is unreachable
#   but still alive: r() still returns it.
import gc
import weakref


class Cache:
    pass


def gone(ref):
    print("callback: the cache is gone,", ref() is None)


gc.collect()
c = Cache()
c.me = c
r = weakref.ref(c, gone)
del c
print(r() is None)
print(gc.collect())
print(r() is None)
