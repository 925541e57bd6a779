calls = [
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: [].extend(),
    lambda: [].count(),
    lambda: [1].clear(1),
    lambda: {}.clear(1),
    lambda: {}.copy(1),
    lambda: set().add(),
    lambda: ''.join(),
    lambda: 'a'.upper(1),
    lambda: [].pop(1, 2),
    lambda: {}.get(),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
total = 0
try:
    total += 'x'
except TypeError as e:
    print(e)
try:
    total -= [1]
except TypeError as e:
    print(e)
