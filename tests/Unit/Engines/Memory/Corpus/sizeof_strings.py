import sys
for s in ["", "a", "abc", "hello world", "é", "café", "\u20ac", "x" * 100]:
    print(len(s), sys.getsizeof(s))
