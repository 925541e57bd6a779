# title: gc.disable() and leaks
# page: memory/gc
# explanation: gc.disable() turns automatic collection off; reference counting goes on. Every pass of the
#   loop builds a new cycle and rebinds the names, so the cycle of the pass before becomes unreachable but
#   is never freed: memory grows, and the generation 0 count climbs past its threshold with no collection.
#   Only an explicit gc.collect() (which works even while the collector is disabled) frees the leaked
#   cycles. gc.enable() turns automatic collection back on.
import gc

gc.collect()
gc.disable()
print(gc.isenabled())
gc.set_threshold(20)
for i in range(15):
    a = []
    b = [a]
    a.append(b)
del a, b
print(gc.get_count()[0] > gc.get_threshold()[0])
print(gc.collect())
gc.enable()
print(gc.isenabled())
gc.set_threshold(700, 10, 10)
