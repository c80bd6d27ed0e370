# source: new: decimal.localcontext(prec=..., Emax=...) lets the cell pick the precision
# family: memory
# expect: MemoryLimitExceeded
# tier: both
# note: an exact power of 2 with 301 million digits, computed by one libmpdec call.
# note: once the power starts, it is a single C call inside libmpdec that no tick can stop, so
# note: the cell must refuse the precision (or the operation) before it runs. Emax is raised too:
# note: without it the power overflows at once (decimal.Overflow, an ordinary exception).
import decimal

with decimal.localcontext(prec=10**9, Emax=decimal.MAX_EMAX):
    x = decimal.Decimal(2) ** 10**9
