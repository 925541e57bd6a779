calls = [
    lambda: 'a'.startswith(1),
    lambda: 'a'.startswith(('a', 1)),
    lambda: 'a'.startswith(('b', 1)),
    lambda: 'a'.strip(5),
    lambda: 'a'.replace(1, 'b'),
    lambda: 'a'.replace('a', 1),
    lambda: 'a b'.split(1),
    lambda: 'a'.upper(1),
    lambda: 'a'.lower('x'),
    lambda: '{}{}'.format(1),
    lambda: '{2}'.format(1),
    lambda: '{x}'.format(y=1),
    lambda: 'a{'.format(1),
    lambda: 'a{0'.format(1),
    lambda: 'a}'.format(1),
    lambda: str.upper(1),
    lambda: str.upper(),
    lambda: list.append('a', 1),
]
for call in calls:
    try:
        print(call())
    except (TypeError, IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
print('a b'.split(None), ' a '.strip(None), str.upper('abc'), '{x}-{0}'.format(1, x=2))
l = []
list.append(l, 3)
print(l)
