# source: new: repetition through operator.mul, which is not a `*` node
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: operator.mul is a C function; the count is computed at run time.
# note: the cell's operator view must size-check mul (and imul, pow, lshift, concat) like the
# note: operators themselves. If a build misses it, CPython tries to build 10 GB in one call.
import operator

n = int("1" + "0" * 10)
data = operator.mul(b"x", n)
