# source: new: a `for` over an endless C iterator; no `while` for a naive checker to spot
# family: cpu
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
import itertools

for i in itertools.count():
    pass
