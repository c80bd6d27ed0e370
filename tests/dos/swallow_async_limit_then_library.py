# source: new: the watchdog raised its limit once; a discarded one let library code run forever
# family: swallow
# expect: TimeLimitExceeded
# tier: both
# note: each step is a 10 ms C call, so the watchdog (not a checkpoint) raises the time limit,
# note: and `finally: return` discards it. The next line takes no steps: statistics.fmean
# note: loops in library code over ten billion items with nothing left to stop it.
import itertools
import statistics


def spin():
    try:
        while True:
            sum(range(10**6))
    finally:
        return


spin()
result = statistics.fmean(itertools.repeat(1.0, 10**10))
