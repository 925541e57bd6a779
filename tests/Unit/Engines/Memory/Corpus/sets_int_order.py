# A set iterates its hash table's slots: small ints hash to themselves, so they come out by value
# modulo the table size (8 slots, then 32, 128, ...) and moved by collisions, not in insertion order.
print({3, 1, 2})
print({5, 9, 1, 13})
print({-1, -2, 7, 0})
print({25, 9, 1, 17}, {True, 2, 0})
s = set()
for x in [40, 3, 17, 8, 100, 33, 2]:
    s.add(x)
print(s)
print(set([5, 9, 1, 13]), set([2**64, 1, 2**61, 2**61 - 1, -(2**61)]))
print(list({10, 2, 30, 4}), sorted({10, 2, 30, 4}))
t = {7, 6, 5, 4, 3, 2, 1}
t.discard(4)
print(t, len(t))
a = 12
b = 4
for v in {a, b, 20}:
    print(v, end=' ')
print()
print({'a', 'b'} == {'b', 'a'}, 9 in {5, 9, 1, 13})
