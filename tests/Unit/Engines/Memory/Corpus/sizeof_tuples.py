import sys
a = 1
print(sys.getsizeof(()), sys.getsizeof((a,)), sys.getsizeof((a, a)), sys.getsizeof((a, a, a, a)))
