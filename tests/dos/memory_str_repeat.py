# source: RestrictedPython #267 and #252 ('a' * 10**10); Jinja PR #2149 ("A" * 10**9)
# family: memory
# expect: MemoryLimitExceeded
# tier: both
s = "a" * 10**10
