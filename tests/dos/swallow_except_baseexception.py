# source: new: the limit is a BaseException, so catch BaseException and restart the loop
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
