# source: Jinja #1691 (nested for loops over range(100000) in a template)
# family: cpu
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: each range is small enough to pass any range-size check; only the product is huge.
total = 0
for i in range(100_000):
    for j in range(100_000):
        total += i ^ j
