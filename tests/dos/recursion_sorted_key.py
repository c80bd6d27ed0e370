# source: new: recursion through sorted(key=...): every level is a C call plus a Python frame
# family: recursion
# expect: RecursionLimitExceeded
# tier: both
def key(x):
    return sorted([x, x], key=key)[0]


key(0)
