# source: new: the itertools "consume" recipe over an endless iterator: a C-only infinite loop
# family: c-level
# expect: TimeLimitExceeded
# tier: isolated
# note: deque(maxlen=0) drains itertools.count() entirely in C and keeps no memory, so neither a
# note: tick nor memory accounting ever fires in-process.
import collections
import itertools

collections.deque(itertools.count(), maxlen=0)
