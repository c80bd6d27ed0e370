# source: new: a dict grown with fresh string values, each allocation small
# family: memory
# expect: MemoryLimitExceeded
# tier: both
d = {}
i = 0
while True:
    d[i] = str(i) * 10_000
    i += 1
