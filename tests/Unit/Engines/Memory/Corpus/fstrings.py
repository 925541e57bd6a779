name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!")
print(f"{n} squared is {n * n}")
print(f"{pi:.2f} {n:5d}|{name:>8}|{name:<8}|{name:^9}|")
print(f"{[1, 2]} {(1,)} {{braces}}")
print(f"{name!r} {n:08.3f} {1234567:,}")
print("{} and {}".format("a", "b"), "{0}{1}{0}".format("x", "y"))
