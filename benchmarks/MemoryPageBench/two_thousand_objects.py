# The memory pages' load test: 2,000 live objects and about 100,000 steps. A linked list of 2,000 Node
# instances (each holds the previous one, so the collector has references to follow), then a loop that
# keeps them all alive while it adds up 90,000 numbers, a step a round.
OBJECTS = 2_000
ROUNDS = 90_000


class Node:
    def __init__(self, previous):
        self.previous = previous


head = None
for _ in range(OBJECTS):
    head = Node(head)

total = 0
for i in range(ROUNDS):
    total += i
print(total)
