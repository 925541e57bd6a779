# title: __del__ and resurrection
# page: memory/gc
# explanation: Since Python 3.4 (PEP 442) objects in a cycle may have a __del__ method: the collector calls
#   every finalizer of the unreachable objects once, then looks again, because a finalizer can store a
#   reference to its object somewhere reachable. Here __del__ puts self back in the list nest, so the
#   Phoenix comes back to life: the resurrection check finds it reachable again, and gc.collect() returns
#   0. Its __del__ has run and never runs again; the next time the Phoenix is unreachable, it is collected.
import gc

nest = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("__del__ of", self.name)
        nest.append(self)


gc.collect()
Phoenix("fawkes")
print("collected:", gc.collect())
print("back in the nest:", nest[0].name)
nest.clear()
print("collected:", gc.collect())
