# source: new: recursion through a C builtin (repr) calling a cell __repr__ that calls repr again
# family: recursion
# expect: RecursionLimitExceeded
# tier: both
class Node:
    def __repr__(self):
        return "Node(" + repr(self) + ")"


repr(Node())
