# source: shared/research/landscape.md C10 #43 ("recursion bombs"); RestrictedPython #267
# family: recursion
# expect: RecursionLimitExceeded
# tier: both
def f():
    return f()


f()
