# source: new: Fraction.__pow__ (host Python code) runs a native `**` the rewriter never sees
# family: memory
# expect: MemoryLimitExceeded|TimeLimitExceeded
# tier: isolated
# note: (10**10**6) ** 10**6 = 10**(10**12), a 415 GB integer.
# note: the huge `**` runs inside a host module, in one C call (int pow by repeated squaring):
# note: no tick and no guard. unsure: would be `tier: both` if the cell wraps Fraction.__pow__.
import fractions

f = fractions.Fraction(10**10**6)
g = f ** 10**6
