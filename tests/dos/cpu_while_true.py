# source: smolagents #2197 and #2464 (a bare `while True` hangs the host); RestrictedPython #267
# family: cpu
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
while True:
    pass
