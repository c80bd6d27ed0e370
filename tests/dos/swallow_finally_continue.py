# source: new: `continue` in `finally` (legal since Python 3.8) drops the pending exception
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
while True:
    try:
        while True:
            pass
    finally:
        continue
