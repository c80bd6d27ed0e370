# source: new: a list grown by many small appends, each allocation harmless on its own
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: each item is a fresh 8 KB list, so the limit is crossed after about 13,000 steps.
hoard = []
while True:
    hoard.append([0] * 1000)
