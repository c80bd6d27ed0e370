# source: new: recursion through map(): list() drives map_next in C, which calls back into the cell
# family: recursion
# expect: RecursionLimitExceeded
# tier: both
def walk(x):
    return list(map(walk, [x]))


walk(0)
