class MyError(Exception):
    pass
try:
    raise MyError("custom")
except MyError as e:
    print("caught", e)
try:
    raise ValueError("bad value")
except (TypeError, ValueError) as e:
    print("tuple catch", e)
try:
    try:
        raise KeyError("k")
    finally:
        print("finally runs")
except KeyError as e:
    print("outer", e)
def f():
    try:
        return 1
    finally:
        print("cleanup")
print(f())
