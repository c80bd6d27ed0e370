# source: RestrictedPython #267 (padding bombs: "foo".zfill(99999999999999999), "foo".ljust(...))
# family: memory
# expect: MemoryLimitExceeded
# tier: both
padded = "x".center(10**10)
