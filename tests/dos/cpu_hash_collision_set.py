# source: starlark-go #241 (hash flooding); CVE-2012-1150 (hash-collision DoS, oCERT-2011-003)
# family: cpu
# expect: TimeLimitExceeded
# tier: both
# note: int hashes are not randomised: hash(k * (2**61 - 1)) == 0 for every k on 64-bit CPython,
# note: so each insert compares with every earlier key. Only 10**6 loop steps (under the step
# note: limit) but quadratic C work between them: only the wall-time check can stop it.
M = 2**61 - 1
keys = {k * M for k in range(10**6)}
