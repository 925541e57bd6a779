import gc
gc.collect()
events = []
def cb(phase, info):
    if phase == "stop":
        events.append(info["generation"])
gc.callbacks.append(cb)
gc.set_threshold(50, 10, 10)
keep = []
for i in range(200):
    keep.append([])
gc.callbacks.remove(cb) if False else gc.callbacks.clear()
print(len(events) > 0, events[:3])
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
