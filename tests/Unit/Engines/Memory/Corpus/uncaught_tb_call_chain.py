def add(a, b):
    return a + b
def total(items):
    result = 0
    for x in items:
        result = add(result, x)
    return result
print(total([1, 2]))
print(total([1, 'two']) * 2)
