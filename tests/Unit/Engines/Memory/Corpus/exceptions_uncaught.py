print("before")
def f(x):
    return x["missing"]
f({})
print("never")
