# title: Containers hold references
# page: memory/refcount
# explanation: A list, a tuple, a dict and an instance each hold references to other objects, and each of
#   those references counts. Follow the labelled arrows: `[0]` from the list, `['owner']` from the dict,
#   `.friend` from the instance. Held by its name and by four containers, `ada` has a count of five
#   (sys.getrefcount prints one more: its own argument); taking it out of three of them brings it back down.
import sys


class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None


ada = Person('Ada')
print(sys.getrefcount(ada))

team = [ada]
pair = (ada, 'lead')
roles = {'owner': ada}
bob = Person('Bob')
bob.friend = ada
print(sys.getrefcount(ada))

team.clear()
del roles['owner']
bob.friend = None
print(sys.getrefcount(ada))
print(pair[0].name)
