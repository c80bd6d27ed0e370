# source: new: math.factorial(10**8) has about 756 million digits (over 300 MB) and takes hours
# family: memory
# expect: MemoryLimitExceeded
# tier: both
import math

math.factorial(10**8)
