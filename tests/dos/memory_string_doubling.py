# source: new: growth by doubling with `s += s`
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: concatenation is not on the pre-checked list: only the accounting of the cell's total
# note: memory can stop it.
s = "x"
while True:
    s += s
