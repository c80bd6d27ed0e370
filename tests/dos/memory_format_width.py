# source: new: a format spec width builds a 1 GB string from a one-digit value
# family: memory
# expect: MemoryLimitExceeded
# tier: both
wide = f"{1:>999999999}"
