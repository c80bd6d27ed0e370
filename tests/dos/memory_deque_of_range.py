# source: new: collections.deque materialises a huge range inside one C call
# family: memory
# expect: MemoryLimitExceeded
# tier: both
import collections
x = collections.deque(range(10**10))
