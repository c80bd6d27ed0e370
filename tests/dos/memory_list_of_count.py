# source: new: a C consumer (list) of an infinite C iterator never returns to bytecode, so no step ticks
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: stopped in-process by the address-space backstop (runtime/hardlimit.py)
import itertools
x = list(itertools.count())
