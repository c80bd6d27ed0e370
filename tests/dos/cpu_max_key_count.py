# source: new: a C builtin (max) drives a Python lambda forever
# family: cpu
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: the cell has no loop statement, so only the tick at each function entry can stop it.
import itertools

max(itertools.count(), key=lambda n: -n)
