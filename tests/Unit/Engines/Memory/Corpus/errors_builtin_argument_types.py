import gc
class X:
    pass
x = X()
calls = [
    lambda: hasattr(x, 1),
    lambda: setattr(x, 1, 2),
    lambda: getattr(x, None),
    lambda: enumerate([1], 'a'),
    lambda: enumerate([1], 1.5),
    lambda: gc.collect('x'),
    lambda: gc.collect(1.5),
    lambda: gc.collect(10**30),
    lambda: gc.collect(-1),
    lambda: gc.collect(generation='x'),
    lambda: gc.set_threshold('a'),
    lambda: gc.set_threshold(700, 1.0),
    lambda: gc.set_threshold(10**30),
    lambda: gc.set_threshold(2**31),
    lambda: gc.set_threshold(-2**31 - 1),
    lambda: print('a', sep=1),
    lambda: print('a', end=[]),
    lambda: [1, 2].pop('a'),
    lambda: [1, 2].pop(10**30),
    lambda: [1, 2].insert('a', 0),
    lambda: [1, 2].insert(10**30, 0),
]
for call in calls:
    try:
        call()
        print('no error')
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(list(enumerate('ab', 10**20)))
print(gc.get_threshold())
