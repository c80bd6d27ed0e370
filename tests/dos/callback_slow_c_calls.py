# source: new: the callback budget's clock is only read at checkpoints, every 256 steps
# family: callback
# expect: TimeLimitExceeded|StepLimitExceeded
# tier: both
# callback: repr
# note: no watchdog follows the host into callbacks; 250 steps of short C calls (tens of ms
# note: each) end before the second checkpoint, so repr() takes ~10 s under a 1 s limit.
class Slow:
    def __repr__(self):
        for i in range(250):
            sorted(range(10**6, 0, -1))
        return "Slow"


CALLBACK = Slow()
