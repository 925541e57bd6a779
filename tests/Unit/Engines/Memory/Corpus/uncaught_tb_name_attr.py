class Node:
    pass
n = Node()
n.value = 1
print(n.value, n.missing)
