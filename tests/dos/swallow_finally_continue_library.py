# source: new: steps left in the ticker's chunk outlived the budget's exhaustion
# family: swallow
# expect: TimeLimitExceeded
# tier: both
# note: every iteration runs library code that takes no steps until the watchdog raises the
# note: limit, which `finally: continue` discards; the loop's ticker still held most of a
# note: chunk of 256 steps, so each re-raised limit cost another watchdog round.
import itertools
import statistics

for i in range(100_000):
    try:
        statistics.fmean(itertools.repeat(1.0, 10**10))
    finally:
        continue
result = 1
