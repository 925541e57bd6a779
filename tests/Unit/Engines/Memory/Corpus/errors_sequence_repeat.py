calls = [
    lambda: 'ab' * 10**20,
    lambda: [0] * 10**20,
    lambda: (0,) * 10**20,
    lambda: 10**20 * 'ab',
    lambda: 'ab' * -10**20,
    lambda: 'ab' * 2**40,
    lambda: [0, 1] * 2**40,
    lambda: (1, 2) * 2**62,
    lambda: 'ab' * 'c',
    lambda: 'ab' * 1.5,
    lambda: 1.5 * 'ab',
    lambda: [1] * [2],
]
for call in calls:
    try:
        print(call())
    except (TypeError, OverflowError, MemoryError) as e:
        print(type(e).__name__, repr(str(e)))
print([1] * -3, '' * 10**18, () * 10**18, 'ab' * True)
