# What a class statement adds to gc.get_count()[0]: besides the type, type_new allocates its tp_dict,
# its __mro__ and __bases__ tuples, its __dict__ and __weakref__ descriptors (those its base lacks) and
# the weak reference its base's tp_subclasses keeps to it (with that dict, for a base's first subclass);
# each method is a function more. A full collection first empties the free lists, which would otherwise
# give some of those tuples and dicts back without counting them.
import gc

gc.disable()
gc.collect()


class First:
    pass


def count():
    return gc.get_count()[0]


marks = [count()]


class K2:
    pass


marks.append(count())


class K4(K2):
    pass


marks.append(count())


class K5(K2):
    pass


marks.append(count())


class K6:
    def f(self):
        pass


marks.append(count())


class K8:
    x = [1]


marks.append(count())


class K9(int):
    pass


marks.append(count())


class K10(Exception):
    pass


marks.append(count())
print([after - before for before, after in zip(marks, marks[1:])])

# What a collection frees of a dropped class: the type, tp_dict, __mro__, __bases__ and the descriptors
# (six for a plain class), its functions, and less for a subclass, whose descriptors are its base's.
for n in (1, 2, 5):
    for i in range(n):
        class T:
            pass
    del T
    print(n, gc.collect())
for n in (1, 3):
    for i in range(n):
        class T:
            def f(self):
                pass
    del T
    print('with a method', n, gc.collect())
for n in (1, 3):
    for i in range(n):
        class T(K2):
            pass
    del T
    print('subclass', n, gc.collect())

# A base's tp_subclasses dict goes with its last subclass (remove_subclass): the next subclass makes a
# new one, and counts it.
class Root:
    pass


class Leaf(Root):
    pass


del Leaf
gc.collect()
before = count()


class Again(Root):
    def m(self):
        pass


print('a new subclass dict', count() - before)
