# source: new: the classic "catch RecursionError and recurse again" bomb
# family: recursion
# expect: RecursionLimitExceeded
# tier: both
# note: each level retries once, so plain CPython needs about 2**1000 calls to finish.
def dive(n):
    try:
        dive(n + 1)
    except RecursionError:
        dive(n + 1)


dive(0)
