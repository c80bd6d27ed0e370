# source: new: a looping __hash__ hidden in a tuple, with a handler that tries to swallow the limit
# family: callback
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# callback: hash
# note: hash(CALLBACK) is a C call in the host that reaches the cell's __hash__.
class Key:
    def __hash__(self):
        while True:
            try:
                while True:
                    pass
            except BaseException:
                pass


CALLBACK = (1, "two", Key())
