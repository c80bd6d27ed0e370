# source: new: str.replace multiplies the length by 1000 each round: 1, 1e3, 1e6, then 1e9 chars
# family: memory
# expect: MemoryLimitExceeded
# tier: both
s = "a"
while True:
    s = s.replace("a", "a" * 1000)
