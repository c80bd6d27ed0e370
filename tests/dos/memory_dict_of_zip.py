# source: new: dict() of a zip of huge ranges, one C call
# family: memory
# expect: MemoryLimitExceeded
# tier: both
d = dict(zip(range(10**9), range(10**9)))
