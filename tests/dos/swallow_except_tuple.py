# source: new: `except (Exception, BaseException)` hides the catch-all inside a tuple
# family: swallow
# expect: MemoryLimitExceeded
# tier: both
# note: the body retries a refused allocation forever.
while True:
    try:
        block = bytearray(10**10)
    except (Exception, BaseException):
        pass
