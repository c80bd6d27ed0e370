# source: new: str.join with a 1 MB separator over a million items: about 10**12 characters
# family: memory
# expect: MemoryLimitExceeded
# tier: both
sep = "x" * 10**6
joined = sep.join(["a"] * 10**6)
