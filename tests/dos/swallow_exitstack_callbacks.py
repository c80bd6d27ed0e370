# source: new: contextlib.ExitStack.__exit__ runs every callback, catching what each raises
# family: swallow
# expect: TimeLimitExceeded|StepLimitExceeded
# tier: both
# note: each callback is a short C call (tens of milliseconds, well inside the slack), but the
# note: watchdog raises its limit only once, at the next bytecode: inside ExitStack.__exit__,
# note: whose bare `except:` stores it and goes on to the next callback. The run lasted the sum
# note: of all callbacks (about 20 s here; unbounded with more), then re-raised the limit at the end.
import contextlib

with contextlib.ExitStack() as stack:
    for i in range(300):
        stack.callback(sum, range(4 * 10**6))
