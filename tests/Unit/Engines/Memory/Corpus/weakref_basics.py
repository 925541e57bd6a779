import weakref, sys
class C:
    pass
c = C()
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c))
r2 = weakref.ref(c)
print(r is r2)
def cb(ref):
    print("callback")
r3 = weakref.ref(c, cb)
print(weakref.getweakrefcount(c))
print(sys.getrefcount(c))
del c
print(r() is None)
try:
    weakref.ref([])
except TypeError as e:
    print(e)
