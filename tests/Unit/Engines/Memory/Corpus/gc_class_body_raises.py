# A class whose body raises is never made (type_new does not run): nothing is left for the collector.
import gc


class W:
    pass


gc.disable()
gc.collect()
try:
    class A:
        items = [1, 2]
        raise ValueError('body')
except ValueError as e:
    print('caught', e)
print(gc.collect())


def f():
    try:
        int('y')
    finally:
        pass


f()
