# title: Thresholds start collections by themselves
# page: memory/gc
# explanation: You rarely call gc.collect(): CPython counts container allocations minus deallocations in
#   generation 0 and, when the count passes threshold 0, collects by itself inside the allocation. Here the
#   thresholds are lowered to (10, 5, 5) so that it happens often. Watch the generation 0 bar fill up as
#   the loop appends new lists, empty when a collection runs, and the generation 1 count go up by one per
#   collection of generation 0. gc.callbacks receives "start" and "stop" around every collection; the
#   callback records which generation each one collected.
import gc

gc.collect()
gc.set_threshold(10, 5, 5)
generations = []


def on_gc(phase, info):
    if phase == "stop":
        generations.append(info["generation"])


gc.callbacks.append(on_gc)
keep = []
for i in range(40):
    keep.append([i])
gc.callbacks.clear()
print(len(generations) > 0, generations[:3])
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
