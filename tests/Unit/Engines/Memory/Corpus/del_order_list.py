class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
l = [D("a"), D("b"), D("c")]
print("drop list")
l = None
print("done")
