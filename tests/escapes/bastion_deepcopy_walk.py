# source: new (issue 4 part 5: copy.deepcopy walks __reduce_ex__ and bound methods' __self__)
# goal: a copy of the wrapped Account, whose private password the cell would then own
# expect: raises AttributeError
import copy
greet = copy.deepcopy(vault.greet)  # the same plain function: nothing to walk
ESCAPED = copy.deepcopy(vault)._password
