# source: new: zip hides the range's length, so list() cannot be charged by a size hint
# family: memory
# expect: MemoryLimitExceeded
# tier: both
x = list(zip(range(10**10), range(10**10)))
