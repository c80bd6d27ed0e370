# source: new: `return` in a `finally` block drops the pending exception; the caller loops
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
def attempt():
    try:
        while True:
            pass
    finally:
        return "swallowed"


while True:
    attempt()
