import gc, weakref
class Obj:
    pass
def cb(ref):
    print("callback, ref dead:", ref() is None)
gc.collect()
o = Obj()
o.me = o
r = weakref.ref(o, cb)
del o
print(r() is None)
print(gc.collect())
print(r() is None)
