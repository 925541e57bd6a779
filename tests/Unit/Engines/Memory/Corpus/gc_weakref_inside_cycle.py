import gc, weakref
class Obj:
    pass
def cb(ref):
    print("never printed")
gc.collect()
o = Obj()
o.ref = weakref.ref(o, cb)
del o
print(gc.collect())
