class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return "Animal(" + repr(self.name) + ")"
class Dog(Animal):
    def speak(self):
        return self.name + " barks"
a = Animal("cat")
d = Dog("rex")
print(a.speak(), d.speak(), d.kind, Dog.kind)
print(a, [a, d])
print(isinstance(d, Animal), isinstance(a, Dog), type(d).__name__)
print(type(1), type("s"), type([]), type(None))
Animal.kind = "creature"
print(d.kind)
