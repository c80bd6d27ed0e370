# source: new: a generator whose `finally` loops, run by close()
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: close() (or collection at cell teardown) throws GeneratorExit in and runs the loop after
# note: the main program is done; the loop's handler also tries to swallow the limit.
def worker():
    try:
        while True:
            yield 1
    finally:
        while True:
            try:
                pass
            except BaseException:
                pass


g = worker()
next(g)
g.close()
