# source: shared/research/landscape.md C10 #38 (materialised ranges); new: itertools.product
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: product stores `repeat` copies of its pool, and every result tuple has 10**7 items.
import itertools

rows = list(itertools.product(range(10), repeat=10**7))
