# source: new: internal security review 2 (finding 1): a __deepcopy__ hook receives deepcopy's internal memo
# goal: originals of everything copied so far, the builtins dict among them
# expect: rejected PC104
# Variant without the memo argument: a cell class's __deepcopy__ (a "safe special method")
# receives deepcopy's internal memo. The first hook pre-seeds it (so module views are not
# copied); the last one reads the keep-alive list, which holds the original Guards, Cell,
# ModuleTable and the cell's real builtins dict (with `.type`, the real `type`).
import copy

def idof(o):
    h = hash(o) % 2**64
    return ((h << 4) | (h >> 60)) % 2**64

grabbed = []
class Seed:
    def __deepcopy__(self, memo):
        memo[idof(copy)] = copy
        return self
class Grab:
    def __deepcopy__(self, memo):
        for kept in memo.values():
            if type(kept) is list:
                grabbed.extend(kept)
        return self

copy.deepcopy([Seed(), getattr, Grab()])      # no memo argument
for original in grabbed:
    if type(original) is dict and '.type' in original:    # the cell's builtins dict
        real_type = original['.type']
        print('real type:', real_type, 'builtins:', real_type(print), real_type('X', (), {'__del__': print}))
        print('guard:', original['.read'])
        ESCAPED = original
