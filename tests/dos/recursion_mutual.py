# source: new: two functions calling each other; no function calls itself by name
# family: recursion
# expect: RecursionLimitExceeded
# tier: both
def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


ping(0)
