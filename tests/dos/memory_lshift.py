# source: shared/research/landscape.md C10 #36 (1<<10000000); starlark-go caps shifts at 512
# family: memory
# expect: MemoryLimitExceeded
# tier: both
n = 10**12
big = 1 << n
