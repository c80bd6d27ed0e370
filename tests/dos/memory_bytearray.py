# source: shared/research/landscape.md C10 #37 (memory bombs); new: bytearray(n) zero-fills n bytes
# family: memory
# expect: MemoryLimitExceeded
# tier: both
buf = bytearray(10**10)
