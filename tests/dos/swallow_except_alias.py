# source: new: the handler names BaseException through an alias
# family: swallow
# expect: RecursionLimitExceeded
# tier: both
# note: a check that looks only for the literal name misses it; retrying in the handler makes
# note: plain CPython take exponential time.
E = BaseException


def dive():
    try:
        dive()
    except E:
        dive()


dive()
