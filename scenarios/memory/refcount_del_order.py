# title: del and the order of freeing
# page: memory/refcount
# explanation: `del` removes a name, not an object: the object is freed only when its count reaches zero.
#   Deleting `outer` frees nothing while `alias` still refers to the list; deleting `alias` frees it, and
#   the list releases its items from the last to the first (list_dealloc walks backwards), so `last` goes
#   before `first`. `kept` still has its own name and survives until `del kept`. Watch the cards fade
#   out with their reasons, and __del__ print when each instance goes.
class Tracked:
    def __init__(self, label):
        self.label = label

    def __del__(self):
        print('freed', self.label)


kept = Tracked('kept')
outer = [Tracked('first'), kept, Tracked('last')]
alias = outer
del outer
print('outer deleted, alias still refers to the list')
del alias
print('the list is gone')
del kept
print('end')
