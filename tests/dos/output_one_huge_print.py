# source: new: one print call with a 10 MB argument, ten times the output limit
# family: output
# expect: OutputLimitExceeded
# tier: both
# note: under plain CPython this is a flood, not a hang: it writes 10 MB and exits. The string
# note: itself (10 MB) stays well under the memory limit.
print("x" * (10 * 2**20))
