# title: Generations and promotion
# page: memory/gc
# explanation: Objects that survive a collection move up a generation: most objects die young, so CPython
#   looks at young objects often and old ones rarely. The list keep survives gc.collect(0) because a name
#   refers to it, and is promoted from generation 0 to generation 1; after gc.collect(1) it is in
#   generation 2, where only full collections look. gc.get_count() shows each generation's count: a
#   collection of generation 0 empties it and adds one to generation 1's count.
import gc

gc.collect()
gc.disable()
keep = [[] for i in range(3)]
junk = []
junk.append(junk)
del junk
print(gc.collect(0))
print(gc.get_count()[1])
print(gc.collect(1))
c = gc.get_count()
print(c[1], c[2])
print(gc.collect())
print(len(keep))
